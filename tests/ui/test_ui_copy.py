"""Copy with citation in the app (Pilot, through `make_app`), and the copy helpers it uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipbrowser.cite import CiteFormat
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.copy import CopyTarget, copy_text, metric_lead, selection_target
from tipbrowser.ui.copy_commands import CopyCommands

SIZE = (160, 48)
SENTENCE = "norway-2025/protection/p2/s2"
WHERE = "Protection, paragraph 2 (passage norway-2025/protection/p2/s2)"


from copying import copied  # noqa: E402

pytestmark = pytest.mark.usefixtures("private_dirs")


def last_notice(app: TipBrowserApp) -> str:
    return str(list(app._notifications)[-1].message)


async def test_y_copies_the_sentence_with_its_citation_and_says_where_it_went(private_dirs: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.reading.document.go_to(SENTENCE)
        await pilot.pause()
        text = await copied(pilot, app, "y")
        sentence = app.report.find(SENTENCE)
        assert sentence is not None
        assert text.startswith("“" + sentence.text)
        assert WHERE in text and "https://www.state.gov/reports/2025-trafficking-in-persons-report/norway/" in text
        assert private_dirs.read_text(encoding="utf-8") == text
        assert last_notice(app) == f"Sent to the terminal clipboard (OSC 52). Saved to {private_dirs}."
        assert await copied(pilot, app, "Y") == sentence.text


async def test_the_notice_says_system_clipboard_or_tmux_as_the_case_is(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyperclip

    board: dict[str, str] = {}

    def copy(text: str) -> None:
        board["t"] = text

    def paste() -> str:
        return board.get("t", "")

    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (copy, paste))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        text = await copied(pilot, app, "y")
        assert board["t"] == text
        assert last_notice(app).startswith("Copied to the system clipboard and sent to the terminal clipboard (OSC 52).")
        monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (None, None))
        monkeypatch.setenv("TMUX", "/tmp/tmux-1/default,1,0")
        await copied(pilot, app, "y")
        assert "inside tmux this needs `set -g set-clipboard on`" in last_notice(app)


async def test_an_unwritable_folder_is_reported_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await copied(pilot, app, "y")
        notice = last_notice(app)
        assert notice.startswith("Sent to the terminal clipboard (OSC 52). Could not save to ")
        assert "Saved to" not in notice


async def test_y_in_the_tree_copies_the_node_under_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()  # the tree fills just after the first frame
        tree = app.reading.tree
        tree.focus()
        tree.follow("norway-2025/protection")
        await pilot.pause()
        await pilot.press("l")  # the first paragraph of Protection
        assert tree.cursor_node is not None and tree.cursor_node.data == "norway-2025/protection/p1"
        text = await copied(pilot, app, "y")
        paragraph = app.report.find("norway-2025/protection/p1")
        assert paragraph is not None and paragraph.text in text
        assert "Protection, paragraph 1 (passage norway-2025/protection/p1)" in text


async def test_y_on_a_search_hit_copies_that_hit() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        search = app.reading.search
        search.search("hotline", False)
        for _ in range(300):
            if search.result is not None and search.settled:
                break
            await pilot.pause(0.02)
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("down")
        row = app.reading.query_one("#search-body").selected  # type: ignore[attr-defined]
        assert row is not None
        text = await copied(pilot, app, "y")
        sentence = app.report.find(row.sentence_id)
        assert sentence is not None and sentence.text in text and f"(passage {row.sentence_id})" in text


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("markdown", "> "), ("bibtex", "@"), ("csl-json", "["), ("plain", "“")],
)
async def test_the_palette_copies_in_each_format(fmt: str, start: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.reading.document.go_to(SENTENCE)
        await pilot.pause()
        commands = {prompt: callback for prompt, _, callback in CopyCommands(app.screen).commands()}
        name = {"markdown": "Markdown", "bibtex": "BibTeX", "csl-json": "CSL-JSON", "plain": "plain text"}[fmt]
        before = len(app._notifications)
        commands[f"Copy as {name}"]()
        for _ in range(300):
            if len(app._notifications) > before:
                break
            await pilot.pause(0.02)
        assert app.clipboard.lstrip().startswith(start)
        assert "norway-2025/protection/p2/s2" in app.clipboard


async def test_copied_text_is_sanitised(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        report = app.report
        hostile = next(s for _, _, s in report.sentences() if "\x1b" in s.text)
        app.reading.document.go_to(hostile.id)
        await pilot.pause()
        text = await copied(pilot, app, "Y")
        assert "bell" in text.lower() or "clear" in text.lower()
        assert not any(ord(char) < 32 and char not in "\n\t" for char in text)
        assert not any(0x80 <= ord(char) <= 0x9F or 0x202A <= ord(char) <= 0x202E for char in text)


def test_a_recommendation_is_copied_with_its_evidence(norway) -> None:
    text = copy_text(norway, CopyTarget(norway.id, "norway-2025/recommendations/r1"), fmt=CiteFormat.PLAIN, cited=True)
    recommendation = norway.find("norway-2025/recommendations/r1")
    assert recommendation is not None and recommendation.text in text
    citation, evidence = text.split("\n\nSupported by:\n")
    assert "passage norway-2025/recommendations/r1" in citation
    lines = evidence.splitlines()
    assert 0 < len(lines) <= 5 and all(line.startswith("- ") and line.endswith(")") for line in lines)
    bibtex = copy_text(norway, CopyTarget(norway.id, "norway-2025/recommendations/r1"), fmt=CiteFormat.BIBTEX, cited=True)
    assert "Supported by" not in bibtex and bibtex.startswith("@")


def test_copying_uses_the_links_the_app_already_has(norway, monkeypatch) -> None:
    import tipbrowser.evidence
    from tipbrowser.evidence import link_evidence

    links = link_evidence(norway)
    target = CopyTarget(norway.id, "norway-2025/recommendations/r1")
    expected = copy_text(norway, target, fmt=CiteFormat.PLAIN, cited=True, links=links)

    def never(*args, **kwargs):
        raise AssertionError("linked the report again for one copy")

    monkeypatch.setattr(tipbrowser.evidence, "link_evidence", never)
    assert copy_text(norway, target, fmt=CiteFormat.PLAIN, cited=True, links=links) == expected
    assert copy_text(norway, target, fmt=CiteFormat.BIBTEX, cited=True).startswith("@")  # no links needed
    assert "Supported by:" in expected


def test_a_metric_is_copied_as_figure_sentence_and_citation(norway) -> None:
    from tipbrowser.metrics import extract_metrics

    metric = next(m for m in extract_metrics(norway) if m.year is not None)
    lead = metric_lead(norway, metric)
    assert lead.endswith(metric.span.slice(norway.text)) and str(metric.year) in lead
    target = CopyTarget(norway.id, metric.sentence_id, lead=lead, what="figure")
    text = copy_text(norway, target, fmt=CiteFormat.PLAIN, cited=False)
    assert text == f"{lead}\n{metric.sentence}"


def test_a_selection_inside_one_sentence_is_cited_to_that_sentence(norway) -> None:
    sentence = norway.find(SENTENCE)
    assert sentence is not None
    words = sentence.text[16:70]
    target = selection_target(norway, "  " + words.replace(" ", "\n", 2))
    assert target == CopyTarget(norway.id, SENTENCE, quote=" ".join(words.split()), what="selection")
    assert selection_target(norway, "trafficking") is None  # everywhere: no single passage
    assert selection_target(norway, "words found nowhere in the report") is None
