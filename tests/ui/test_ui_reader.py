"""The reading screen: tree ↔ text sync, jump history, the document API, sizes and mouse."""

from __future__ import annotations

from textual.widgets import Footer

from tipbrowser.model import Span
from tipbrowser.ui.app import make_app
from tipbrowser.ui.screens.reading import SIDE_PANEL_MIN_WIDTH
from tipbrowser.ui.widgets.document import DocumentView


async def test_picking_a_tree_node_scrolls_the_text_there(norway) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the tree fills just after the first frame
        tree = app.reading.tree
        doc = app.reading.document
        rec = norway.recommendations[4]
        node = next(n for n in tree.root.children[1].children if n.data == rec.id)
        await pilot.click(tree, offset=(8, node.line - round(tree.scroll_y)))
        await pilot.pause()
        assert doc.current_paragraph == rec.paragraph_id
        assert rec.text[:30] in " ".join(doc.rendered_lines()[:3])
        assert app.reading.history.can_go_back


async def test_scrolling_the_text_moves_the_tree_cursor(norway) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        doc = app.reading.document
        tree = app.reading.tree
        for _ in range(200):
            await pilot.press("j")
            if doc.top_id and doc.top_id.startswith("norway-2025/protection"):
                break
        await pilot.pause()
        assert tree.cursor_node.data == "norway-2025/protection"
        assert doc.current_paragraph.startswith("norway-2025/protection")
        assert not app.reading.history.can_go_back  # scrolling is not a jump


async def test_history_goes_back_and_forward_through_jumps() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        doc = app.reading.document
        await pilot.press("right_square_bracket", "right_square_bracket", "G")
        await pilot.pause()
        visited = []
        for key in ["backspace", "backspace", "backspace", "alt+right", "alt+right"]:
            await pilot.press(key)
            await pilot.pause()
            visited.append(doc.top_id)
        assert visited == [
            "norway-2025/recommendations",
            "norway-2025/intro",
            "norway-2025",
            "norway-2025/intro",
            "norway-2025/recommendations",
        ]


async def test_go_to_any_id_and_the_current_sentence(norway) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        doc = app.reading.document
        _, paragraph, sentence = list(norway.sentences())[40]
        assert doc.go_to(sentence.id)
        await pilot.pause()
        assert (doc.current_paragraph, doc.current_sentence) == (paragraph.id, sentence.id)
        assert doc.highlights("current-sentence") == [sentence.span]
        assert doc.highlights("current-paragraph") == [paragraph.span]
        assert sentence.text[:20] in " ".join(" ".join(doc.rendered_lines()[:4]).split())
        assert not doc.go_to("norway-2025/nowhere")


async def test_highlight_layers_coexist_and_style_the_text(norway) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        doc = app.reading.document
        text = norway.text
        start = text.index("Norway remained on Tier 2")
        doc.set_highlights("search", [Span(start, start + 6)], "bold red")
        doc.set_highlights("metric", [Span(start + 7, start + 15)], "underline")
        await pilot.pause()
        strips = [doc.render_line(y) for y in range(doc.scrollable_content_region.height)]
        styled = {seg.text: seg.style for strip in strips for seg in strip if seg.style}
        assert styled["Norway"].bold and styled["Norway"].color.name == "red"
        assert styled["remained"].underline
        doc.clear_highlights("search")
        assert doc.highlights("search") == [] and doc.highlights("metric") == [Span(start + 7, start + 15)]


async def test_show_only_a_subset_of_paragraphs_and_markers(norway) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):  # let the evidence markers arrive first, then set ours over them
            if app.reading.insights.walk is not None:
                break
            await pilot.pause(0.02)
        doc = app.reading.document
        keep = ["norway-2025/protection/p2", "norway-2025/prevention/p1"]
        doc.show_only(keep)
        first = norway.find(keep[0]).sentences[0]
        doc.set_markers({first.id: "r"})
        doc.go_to(norway.id)
        await pilot.pause()
        lines = doc.rendered_lines()
        joined = " ".join(lines)
        assert "PROTECTION" in joined and "PREVENTION" in joined and "PROSECUTION" not in joined
        assert any(line.lstrip().startswith("r▌") for line in lines)
        doc.show_only(None)
        await pilot.pause()
        assert "Summary" in " ".join(doc.rendered_lines())


async def test_clicking_a_paragraph_makes_it_and_its_sentence_current(norway) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        doc = app.reading.document
        doc.go_to("norway-2025/prosecution/p2", jump=False)
        await pilot.pause()
        lines = doc.rendered_lines()
        y = next(i for i, line in enumerate(lines) if i > 0 and line.strip() and "▌" not in line)
        await pilot.click(DocumentView, offset=(10, y))
        await pilot.pause()
        assert doc.current_paragraph != "norway-2025/prosecution/p2"
        paragraph = norway.find(doc.current_paragraph)
        assert doc.current_sentence in {s.id for s in paragraph.sentences}


async def test_usable_at_80_by_24_and_resizes_live() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.reading
        doc = screen.document
        assert not screen.side_panel.display
        assert screen.tree.size.width <= 24 and doc.size.width >= 52
        assert any("The Government of Norway" in line for line in doc.rendered_lines())
        assert app.screen.query_one(Footer).size.height == 1
        await pilot.resize_terminal(SIDE_PANEL_MIN_WIDTH + 20, 40)
        await pilot.pause()
        assert screen.side_panel.display
        assert doc.measure > 80
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.side_panel.display and doc.measure < 60


async def test_switching_reports_from_the_palette_command(hostile_path, norway_path) -> None:
    app = make_app([norway_path, hostile_path], no_cache=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1000):  # the second report loads after the first frame
            if len(app.reports) == 2:
                break
            await pilot.pause(0.02)
        assert len(app.reports) == 2
        app.switch_report(1)
        await pilot.pause()
        assert app.reading.document.report is app.reports[1]
        assert app.reading.tree.root.data == "freedonia-2024"


async def test_on_a_narrow_screen_the_side_panel_takes_the_trees_place() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.reading
        await pilot.press("3")
        await pilot.pause()
        assert screen.side_panel.display and not screen.tree.display
        assert screen.document.measure >= 30
        await pilot.press("backslash")
        await pilot.pause()
        assert screen.tree.display and not screen.side_panel.display
        assert app.focused is screen.document
        await pilot.press("4", "1")
        await pilot.pause()
        assert app.focused is screen.tree and not screen.side_panel.display


async def test_open_file_dialog_opens_a_narrative_and_survives_a_bad_path(hostile_path, tmp_path) -> None:
    from textual.widgets import Input

    from tipbrowser.ui.screens.open_file import OpenFileScreen

    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.action_open_file()
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen)
        app.screen.query_one(Input).value = str(tmp_path / "missing.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.reports) == 1 and len(app._notifications) == 1
        app.action_open_file()
        await pilot.pause()
        app.screen.query_one(Input).value = str(hostile_path)
        await pilot.press("enter")
        await pilot.pause()
        assert app.report.id == "freedonia-2024"
        assert app.reading.document.report is app.report


async def test_tab_cycles_only_through_panes_on_screen() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(type(app.focused).__name__)
        assert "SectionTree" not in seen
        assert seen.count("DocumentView") == 2


async def test_each_tier_badge_has_its_own_colour(synthetic) -> None:
    from dataclasses import replace

    from textual.widgets import Static

    from tipbrowser.model import Tier
    from tipbrowser.ui.app import TipBrowserApp

    base = synthetic(["One paragraph."])
    reports = [replace(base, tier=tier) for tier in Tier] + [replace(base, tier=None)]
    app = TipBrowserApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        colours = []
        for number, report in enumerate(reports):
            app.switch_report(number)
            await pilot.pause()
            badge = app.screen.query_one("#tier-badge", Static)
            label = str(badge.render())
            assert (report.tier.value if report.tier else "tier not stated") in label
            colours.append(badge.styles.background)
    assert len(set(colours)) == len(reports)


async def test_the_first_frame_wraps_the_text_at_the_width_the_reader_gets(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    widths: list[int] = []
    relayout = DocumentView._relayout

    def recording(self: DocumentView, keep_position: bool) -> None:
        widths.append(self.scrollable_content_region.width or self._first_width())
        relayout(self, keep_position)

    monkeypatch.setattr(DocumentView, "_relayout", recording)
    for size in [(80, 24), (120, 40), (139, 40), (160, 48), (200, 50)]:
        widths.clear()
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            final = app.reading.query_one(DocumentView).scrollable_content_region.width
            assert widths and set(widths) == {final}, (size, widths, final)


async def test_the_first_frame_shows_the_text_beside_a_blank_tree_pane_and_the_tree_follows() -> None:
    app = make_app()
    frames: list[str] = []
    display = app._display

    def noting(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None and hasattr(renderable, "render_segments"):
            frames.append(renderable.render_segments(app.console))
        display(screen, renderable)

    app._display = noting  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = next(frame for frame in frames if "The Government of Norway does not" in frame)
        assert "Widget" not in first and "tree-slot" not in first and "(no report)" not in first
        await pilot.pause()
        await pilot.pause()
        tree = app.reading.tree
        assert tree.report is app.report and tree.region.width == 30
        assert not app.reading.query("#tree-slot")
        assert tree.cursor_node is not None and tree.cursor_node.data == app.report.sections[0].id  # the section in view
