"""Mouse selections in the reading pane: what is selected, how it is drawn, and how it is copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.widgets.document import DocumentView

SIZE = (160, 48)
SENTENCE = "norway-2025/protection/p2/s2"
WHERE = "Protection, paragraph 2 (passage norway-2025/protection/p2/s2)"


from copying import copied  # noqa: E402

pytestmark = pytest.mark.usefixtures("private_dirs")


def where_on_screen(doc: DocumentView, words: str) -> tuple[int, int]:
    """(column, row) of the first cell of `words` on screen."""
    for y, line in enumerate(doc.rendered_lines()):
        x = line.find(words)
        if x != -1:
            return x, y
    raise AssertionError(f"{words!r} is not on screen")


async def drag(pilot: Pilot, doc: DocumentView, start: tuple[int, int], end: tuple[int, int]) -> None:
    """Press the mouse at `start`, move to `end` and let go there (both inclusive cells)."""
    await pilot.mouse_down(doc, offset=start)
    await pilot.hover(doc, offset=end)
    await pilot.mouse_up(doc, offset=end)
    await pilot.pause()


async def drag_over(pilot: Pilot, doc: DocumentView, words: str) -> None:
    """Select `words`, which lie on one row of the screen, by dragging over them."""
    x, y = where_on_screen(doc, words)
    await drag(pilot, doc, (x, y), (x + len(words) - 1, y))


async def show_mid_screen(pilot: Pilot, doc: DocumentView, node_id: str) -> None:
    """Bring `node_id` to the middle of the view, away from the rows where a drag scrolls the view."""
    doc.go_to(node_id)
    for _ in range(12):
        doc.action_scroll_up()
    await pilot.pause()


def mid_line(doc: DocumentView) -> str:
    """A row of text in the middle of the view."""
    lines = doc.rendered_lines()
    return next(line for line in lines[len(lines) // 2 :] if len(line[3:].split()) > 6)


def one_line_words(doc: DocumentView, line_text: str, count: int) -> str:
    """`count` words from the middle of a line as shown (after its gutter)."""
    words = line_text[3:].split()
    middle = max((len(words) - count) // 2, 0)
    return " ".join(words[middle : middle + count])


async def test_dragging_over_part_of_a_sentence_selects_those_words_and_y_cites_them() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        doc = app.reading.document
        await show_mid_screen(pilot, doc, SENTENCE)
        sentence = app.report.find(SENTENCE)
        assert sentence is not None
        line = next(line for line in doc.rendered_lines() if line[3:].strip() and line[3:].strip() in sentence.text)
        words = one_line_words(doc, line, 4)
        assert app.report.text.count(words) == 1
        await drag_over(pilot, doc, words)
        assert app.screen.get_selected_text() == words
        text = await copied(pilot, app, "y")
        assert text.startswith("“" + words + "”")
        assert WHERE in text
        assert await copied(pilot, app, "Y") == words


async def test_the_selection_is_drawn_in_the_screen_selection_style_on_those_cells_only() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        doc = app.reading.document
        await show_mid_screen(pilot, doc, SENTENCE)
        line = mid_line(doc)
        words = one_line_words(doc, line, 3)
        x, y = where_on_screen(doc, words)
        await drag_over(pilot, doc, words)
        selection = app.screen.get_component_styles("screen--selection").background
        expected = (doc.background_colors[1] + selection).rich_color
        cells = ""
        for segment in doc.render_line(y):
            if segment.style is not None and segment.style.bgcolor == expected:
                assert segment.style.color != segment.style.bgcolor  # the words stay legible
                cells += segment.text
        assert cells == words
        assert doc.render_line(y).text[x : x + len(words)] == words


async def test_a_selection_over_two_paragraphs_is_their_text_and_cites_the_report() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        doc = app.reading.document
        await show_mid_screen(pilot, doc, "norway-2025/protection/p2")
        first = app.report.find("norway-2025/protection/p2")
        second = app.report.find("norway-2025/protection/p3")
        assert first is not None and second is not None
        lines = doc.rendered_lines()
        last_row = max(y for y, line in enumerate(lines) if line[3:].strip() and line[3:].strip() in first.text)
        first_row = last_row + 2  # a blank row between paragraphs
        assert lines[first_row][3:].strip() and lines[first_row][3:].strip() in second.text
        tail_start = lines[last_row].index(" ", 10) + 1
        head_end = lines[first_row].index(" ", 10) - 1
        await drag(pilot, doc, (tail_start, last_row), (head_end, first_row))
        tail = lines[last_row][tail_start:].rstrip()
        head = lines[first_row][3 : head_end + 1]
        assert first.text.endswith(tail) and second.text.startswith(head)
        assert app.screen.get_selected_text() == f"{tail}\n\n{head}"
        text = await copied(pilot, app, "y")
        assert text.startswith(f"“{tail}\n\n{head}”")
        assert "passage norway-2025/protection" not in text
        assert "2025 Trafficking in Persons Report: Norway" in text


async def test_a_selection_across_wrapped_lines_keeps_the_report_text_between_them() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        doc = app.reading.document
        await show_mid_screen(pilot, doc, "norway-2025/protection/p2")
        paragraph = app.report.find("norway-2025/protection/p2")
        assert paragraph is not None
        lines = doc.rendered_lines()
        rows = [y for y, line in enumerate(lines) if line[3:].strip() and line[3:].strip() in paragraph.text]
        assert len(rows) >= 3
        await drag(pilot, doc, (0, rows[0]), (len(lines[rows[2]]) - 1, rows[2]))
        expected = paragraph.text[: paragraph.text.index(lines[rows[2]][3:].rstrip()) + len(lines[rows[2]][3:].rstrip())]
        assert app.screen.get_selected_text() == expected


async def test_hostile_text_is_selected_and_copied_literally(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        doc = app.reading.document
        await pilot.pause()
        words = "[T]he [REDACTED] [sic] [/] does not"
        await drag_over(pilot, doc, words)
        assert app.screen.get_selected_text() == words
        text = await copied(pilot, app, "y")
        assert text.startswith("“" + words + "”")
        assert "paragraph 1 (passage freedonia-2024/intro/p1" in text
        assert not app._exit


async def test_a_selected_control_character_is_copied_without_its_escape(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        doc = app.reading.document
        await pilot.pause()
        x, y = where_on_screen(doc, "A bell")
        end_x, end_y = where_on_screen(doc, "clear and")
        await drag(pilot, doc, (x, y), (end_x + len("clear") - 1, end_y))
        selected = app.screen.get_selected_text()
        assert selected is not None and "\x1b]52" in selected  # the report text, as it is
        text = await copied(pilot, app, "y")
        assert "\x1b" not in text and "\x07" not in text
        assert "A bell" in text and "clear" in text


async def test_a_selection_stays_on_its_words_when_the_view_scrolls() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        doc = app.reading.document
        await show_mid_screen(pilot, doc, SENTENCE)
        words = one_line_words(doc, mid_line(doc), 3)
        await drag_over(pilot, doc, words)
        doc.action_scroll_down()
        doc.action_scroll_down()
        await pilot.pause()
        assert app.screen.get_selected_text() == words


async def test_ctrl_c_copies_a_selection_inside_one_sentence_with_its_citation() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        doc = app.reading.document
        await show_mid_screen(pilot, doc, SENTENCE)
        sentence = app.report.find(SENTENCE)
        assert sentence is not None
        line = next(line for line in doc.rendered_lines() if line[3:].strip() and line[3:].strip() in sentence.text)
        words = one_line_words(doc, line, 5)
        await drag_over(pilot, doc, words)
        text = await copied(pilot, app, "ctrl+c")
        assert text.startswith("“" + words + "”") and WHERE in text


async def test_a_new_layout_drops_the_selection_rather_than_select_other_words() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        doc = app.reading.document
        await show_mid_screen(pilot, doc, SENTENCE)
        words = one_line_words(doc, mid_line(doc), 3)
        await drag_over(pilot, doc, words)
        assert app.screen.get_selected_text() == words
        doc.show_only([SENTENCE.rsplit("/", 1)[0]])
        await pilot.pause()
        assert doc not in app.screen.selections
        assert not app.screen.get_selected_text()


async def test_ctrl_c_on_words_found_in_several_passages_copies_them_bare_and_without_escapes(synthetic) -> None:
    report = synthetic(["Victims said \x1b[2J it twice.", "Officials said \x1b[2J it twice."])
    app = TipBrowserApp([report])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        doc = app.reading.document
        await pilot.pause()
        x, y = where_on_screen(doc, "said")
        end_x, _ = where_on_screen(doc, "twice")
        await drag(pilot, doc, (x, y), (end_x + len("twice") - 1, y))
        assert app.screen.get_selected_text() == "said \x1b[2J it twice"
        app._clipboard = ""
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == "said  it twice"  # the escape sequence removed whole


def test_layout_points_map_rows_and_columns_to_report_text(synthetic) -> None:
    from tipbrowser.ui.layout import Layout, blocks_for

    report = synthetic(["alpha beta gamma delta", "epsilon zeta"])
    layout = Layout(blocks_for(report), 11)  # rows: the title (three), blank, heading, blank, "alpha beta", "gamma delta", blank, ...
    assert [layout.locate(row) for row in (6, 7, 8, 9)] == [(2, 0), (2, 1), None, (3, 0)]
    assert layout.text_between_points(report.text, (6, 6), (7, 16)) == "beta gamma"  # columns count the block's text; the wrap's space kept
    assert layout.text_between_points(report.text, (7, 17), (9, 7)) == "delta\n\nepsilon"
    assert layout.text_between_points(report.text, (8, 0), (9, 1)) == "e"  # a blank row is the end of the block above
    everything = layout.text_between_points(report.text, None, None)
    assert everything == f"{report.display_title}\n\nPROSECUTION\n\nalpha beta gamma delta\n\nepsilon zeta"
