"""Report text is data: markup shows literally, controls show as symbols, clicks do nothing."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.command import CommandPalette
from textual.widgets import Static

from tipbrowser.ui.app import make_app
from tipbrowser.ui.commands import GoToCommands

MARKUP = ["[T]he", "[REDACTED]", "[sic]", "[/]", "[link=https://x]", "[@click=app.quit]"]


def _all_lines(app) -> str:
    doc = app.reading.document
    lines = []
    for row in range(0, doc.virtual_size.height, doc.scrollable_content_region.height):
        doc.scroll_to(y=row, animate=False, immediate=True)
        lines.extend(doc.rendered_lines())
    return "\n".join(lines)


async def test_reader_shows_markup_and_controls_literally(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        shown = _all_lines(app)
        flat = " ".join(shown.split())
    for token in MARKUP:
        assert token in flat
    assert "[bold]prosecutions[/bold]" in flat
    assert "␛]52;c;aGk=" in flat and "␛[2J" in flat and "<U+009B>" in flat and "<U+202E>" in flat
    assert not any(char in shown for char in "\x1b\x07\x9b\u202e")


async def test_rendered_segments_carry_no_links_or_actions(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        doc = app.reading.document
        strips = [doc.render_line(y) for y in range(doc.scrollable_content_region.height)]
    for strip in strips:
        for segment in strip:
            style = segment.style
            assert style is None or (not style.link and not (style.meta or {}).get("@click"))


async def test_tree_labels_header_and_title_are_literal(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        tree = app.reading.tree
        labels = [str(node.label) for node in _walk(tree.root)]
        title = app.screen.query_one("#report-title", Static).render()
        badge = app.screen.query_one("#tier-badge", Static)
        assert all(isinstance(node.label, Text) for node in _walk(tree.root))
        assert any("[@click=app.quit]now[/]" in label for label in labels)
        assert "Freedonia [bold]" in str(title)
        assert "tier-2-watch-list" in badge.classes
        assert app.title.endswith("[bold]")


async def test_clicking_hostile_text_does_not_quit(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        doc = app.reading.document
        for y, line in enumerate(doc.rendered_lines()):
            x = line.find("[@click=app.quit]")
            if x != -1:
                await pilot.click(doc, offset=(x + 3, y))
                await pilot.pause()
                break
        else:
            raise AssertionError("the hostile line is not on screen")
        assert not app._exit
        assert doc.current_paragraph == "freedonia-2024/intro/p1"


async def test_palette_hits_show_markup_literally(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=(160, 48)) as pilot:
        provider = GoToCommands(app.screen)
        hits = [hit async for hit in provider.search("now")]
        assert any("[@click=app.quit]now[/]" in hit.prompt.plain for hit in hits)  # type: ignore[union-attr]
        await pilot.press("ctrl+p")
        await pilot.press(*"click")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)


async def test_open_file_with_a_bad_path_notifies_one_sentence(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        bad = tmp_path / "[bold]missing\x1b.txt"
        assert app.open_path(str(bad)) is False
        await pilot.pause()
        notes = list(app._notifications)
        assert len(notes) == 1 and notes[0].severity == "error"
        message = str(notes[0].message)
        assert "[bold]missing␛.txt" in message and "\x1b" not in message
        assert len(app.reports) == 1


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)
