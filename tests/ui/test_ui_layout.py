"""The Textual-free layout: wrapping, offset mapping, rows and span grouping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tipbrowser.model import Span
from tipbrowser.ui.layout import (
    Block,
    BlockKind,
    Layout,
    blocks_for,
    display_text,
    node_block,
    spans_by_block,
    wrap,
)


def _lines(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap(text, width)]


def test_wrap_breaks_at_spaces_within_the_width() -> None:
    assert _lines("the quick brown fox jumps over", 10) == ["the quick", "brown fox", "jumps over"]


def test_wrap_cuts_a_word_longer_than_the_width() -> None:
    assert _lines("a " + "x" * 25, 10) == ["a", "x" * 10, "x" * 10, "x" * 5]


def test_wrap_counts_wide_characters_as_two_cells() -> None:
    assert _lines("日本語の文章 です", 8) == ["日本語の", "文章", "です"]


def test_wrap_keeps_newlines_as_breaks() -> None:
    assert _lines("one\ntwo three", 20) == ["one", "two three"]


def test_wrap_of_a_huge_single_word_is_linear_and_exact() -> None:
    lines = wrap("y" * 2_000_000, 80)
    assert len(lines) == 25_000
    assert lines[-1] == (1_999_920, 2_000_000)


@given(st.text(alphabet="ab c\n", max_size=300), st.integers(min_value=1, max_value=30))
def test_wrap_never_exceeds_the_width_and_loses_only_break_whitespace(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(end - start <= width for start, end in lines)
    kept = "".join(text[start:end] for start, end in lines)
    assert kept.replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_display_text_maps_offsets_around_visible_symbols() -> None:
    shown, offsets = display_text("a\u202eb\x1bc")
    assert shown == "a<U+202E>b␛c"
    assert offsets is not None
    assert shown[offsets[2]] == "b" and shown[offsets[4]] == "c"
    assert display_text("plain") == ("plain", None)


def test_block_maps_back_and_forth_with_controls() -> None:
    shown, offsets = display_text("x\u202ey")
    block = Block("id", "s", BlockKind.PARAGRAPH, 100, 3, shown, offsets)
    assert block.to_shown(102) == shown.index("y")
    assert block.to_source(shown.index("y")) == 102
    assert block.to_source(3) == 101  # inside the symbol: its source character


def test_blocks_follow_reading_order(norway) -> None:
    blocks = blocks_for(norway)
    assert blocks[0].kind is BlockKind.TITLE
    paragraphs = [b.node_id for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs == [p.id for _, p in norway.paragraphs()]
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH:
            assert norway.text[block.start : block.start + block.source_length] == block.shown


def test_layout_rows_locate_blocks_and_lines(norway) -> None:
    blocks = blocks_for(norway)
    layout = Layout(blocks, 60)
    for number in range(len(blocks)):
        top = layout.top_of(number)
        assert layout.locate(top) == (number, 0)
        assert layout.locate(top + len(layout.lines(number))) is None  # the blank row after
    assert layout.height == sum(len(layout.lines(n)) + 1 for n in range(len(blocks)))


def test_layout_of_a_subset_skips_hidden_blocks(norway) -> None:
    blocks = blocks_for(norway)
    layout = Layout(blocks, 60, shown=[0, 3])
    assert layout.top_of(1) is None
    assert layout.locate(layout.top_of(3)) == (3, 0)


def test_node_block_finds_every_kind_of_id(norway) -> None:
    blocks = blocks_for(norway)
    rec = norway.recommendations[2]
    number, offset = node_block(norway, blocks, rec.id)
    assert blocks[number].node_id == rec.paragraph_id and offset == rec.span.start
    section, paragraph, sentence = list(norway.sentences())[30]
    number, offset = node_block(norway, blocks, sentence.id)
    assert blocks[number].node_id == paragraph.id and offset == sentence.span.start
    assert blocks[node_block(norway, blocks, section.id)[0]].kind is BlockKind.HEADING
    assert node_block(norway, blocks, "norway-2025/nowhere") is None


def test_spans_by_block_groups_and_splits(norway) -> None:
    blocks = blocks_for(norway)
    first, second = [n for n, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH][:2]
    across = Span(blocks[first].start + 5, blocks[second].start + 5)
    grouped = spans_by_block(blocks, [across])
    assert first in grouped and second in grouped
    assert all(across in spans for spans in grouped.values())


def test_layout_history_and_reading_state_never_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tipbrowser.ui.layout, tipbrowser.ui.history, tipbrowser.ui.reading_state; "
        "sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_every_character_taken_as_one_cell_without_a_lookup_is_one_cell() -> None:
    from rich.cells import get_character_cell_size

    from tipbrowser.ui.layout import _ONE_CELL_RUN

    accepted = [chr(code) for code in range(0x3000) if _ONE_CELL_RUN.fullmatch(chr(code))]
    assert len(accepted) > 700 and "’" in accepted and "é" in accepted and "\u0301" not in accepted
    assert {char for char in accepted if get_character_cell_size(char) != 1} == set()
