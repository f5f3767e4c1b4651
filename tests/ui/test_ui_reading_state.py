"""ReadingState without Textual: position, paragraph and section steps, layers, markers."""

from __future__ import annotations

from tipbrowser.model import Span
from tipbrowser.ui.reading_state import ReadingState


def test_target_row_and_top_id_round_trip(norway) -> None:
    state: ReadingState[str] = ReadingState(norway)
    layout = state.layout(70)
    for node_id in ["norway-2025/protection", "norway-2025/protection/p3", norway.recommendations[3].id]:
        number, row = state.target_row(layout, node_id)
        assert state.blocks[number].node_id in {node_id, norway.recommendations[3].paragraph_id}
        assert state.top_id(layout, row) in {node_id, norway.recommendations[3].paragraph_id}
    _, paragraph, sentence = list(norway.sentences())[25]
    number, row = state.target_row(layout, sentence.id)
    back = state.top_id(layout, row + 1)  # the sentence at the start of the next line
    back_number, back_row = state.target_row(layout, back)
    assert back_number == number and back_row <= row + 1
    back_end_row = layout.row_of(number, norway.find(back).span.end - 1)
    assert back_end_row >= row + 1  # that sentence is still on the line we left
    assert state.target_row(layout, "norway-2025/missing") is None


def test_steps_follow_reading_order(norway) -> None:
    state: ReadingState[str] = ReadingState(norway)
    layout = state.layout(70)
    state.current_paragraph = "norway-2025/prosecution/p5"
    assert state.step_paragraph(1) == "norway-2025/protection/p1"
    assert state.step_paragraph(-1) == "norway-2025/prosecution/p4"
    heading = layout.top_of(state.index["norway-2025/prosecution"])
    assert state.step_section(layout, heading, 1) == "norway-2025/protection"
    assert state.step_section(layout, heading, -1) == "norway-2025/recommendations"
    assert state.step_section(layout, heading + 3, -1) == "norway-2025/prosecution"  # back to its top first
    assert state.step_section(layout, 0, 1) == norway.sections[0].id


def test_paragraph_in_view_keeps_the_current_one_while_visible(norway) -> None:
    state: ReadingState[str] = ReadingState(norway)
    layout = state.layout(70)
    top = layout.top_of(state.index["norway-2025/protection/p2"])
    state.current_paragraph = "norway-2025/protection/p2"
    assert state.paragraph_in_view(layout, top + 1, top + 20) == "norway-2025/protection/p2"
    state.current_paragraph = "norway-2025/intro/p1"
    assert state.paragraph_in_view(layout, top, top + 20) == "norway-2025/protection/p2"


def test_line_styles_and_markers(norway) -> None:
    state: ReadingState[str] = ReadingState(norway)
    paragraph = norway.find("norway-2025/prosecution/p2")
    number = state.index[paragraph.id]
    span = Span(paragraph.span.start + 3, paragraph.span.start + 9)
    state.set_layer("a", [span], "red")
    state.set_layer("b", [paragraph.span], "dim")
    layout = state.layout(70)
    start, end = layout.lines(number)[0]
    assert sorted(state.line_styles(number, start, end)) == [(0, end - start, "dim"), (3, 9, "red")]
    second = paragraph.sentences[1]
    state.markers = {second.id: "r3"}
    rows = [state.marker(number, s, e) for s, e in layout.lines(number)]
    assert rows.count("r") == 1
    assert rows.index("r") == state.target_row(layout, second.id)[1] - layout.top_of(number)
