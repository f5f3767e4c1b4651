"""Document layout without Textual: blocks to show, wrapped per width, with span mapping."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from rich.cells import get_character_cell_size

from tipbrowser.model import Paragraph, Recommendation, Report, Section, Sentence, Span
from tipbrowser.text import CONTROL_RE, visible

__all__ = [
    "BlockKind",
    "Block",
    "Layout",
    "blocks_for",
    "display_text",
    "wrap",
    "node_block",
    "spans_by_block",
    "sentence_at",
    "section_of",
    "MAX_MEASURE",
]

MAX_MEASURE = 88
"""The widest line of reading text, in cells; wider panes get margins instead."""


class BlockKind(str, Enum):
    """What a block of the document is."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


class Block(NamedTuple):
    """One thing the document shows: the title, a section heading or a paragraph.

    `shown` is the text with control characters made visible; `offsets`, when the two
    differ, maps each index of the source text (plus its end) to an index of `shown`.
    """

    node_id: str
    section_id: str
    kind: BlockKind
    start: int
    source_length: int
    shown: str
    offsets: tuple[int, ...] | None = None

    def to_shown(self, offset: int) -> int:
        """The index in `shown` of report-text `offset` (clamped to the block)."""
        local = min(max(offset - self.start, 0), self.source_length)
        return local if self.offsets is None else self.offsets[local]

    def to_source(self, index: int) -> int:
        """The report-text offset of index `index` of `shown`."""
        if self.offsets is None:
            return self.start + min(max(index, 0), self.source_length)
        return self.start + max(bisect_right(self.offsets, index) - 1, 0)

    def to_source_end(self, index: int) -> int:
        """The report-text offset ending a range at index `index` of `shown` (a symbol cut midway is kept)."""
        offset = self.to_source(index)
        if self.offsets is not None and offset - self.start < self.source_length:
            offset += self.offsets[offset - self.start] < index
        return offset

    def text_between(self, report_text: str, low: int, high: int) -> str:
        """The report text shown between indexes `low` and `high` (the label itself when not in the text)."""
        if self.source_length == 0:
            return self.shown[max(low, 0) : max(high, 0)]
        return report_text[self.to_source(low) : self.to_source_end(high)]

    @property
    def span(self) -> Span:
        """The block's range of the report text."""
        return Span(self.start, self.start + self.source_length)


def display_text(text: str) -> tuple[str, tuple[int, ...] | None]:
    """`text` with controls made visible, and the source → shown offset map if they differ."""
    if not CONTROL_RE.search(text):
        return text, None
    offsets: list[int] = []
    pieces: list[str] = []
    shown = 0
    for char in text:
        offsets.append(shown)
        piece = visible(char)
        pieces.append(piece)
        shown += len(piece)
    offsets.append(shown)
    return "".join(pieces), tuple(offsets)


def _block(node_id: str, section_id: str, kind: BlockKind, text: str, start: int | None) -> Block:
    """A block over report text at `start`, or (start None) a label not in the text."""
    shown, offsets = display_text(text)
    if start is None:
        return Block(node_id, section_id, kind, 0, 0, shown)
    return Block(node_id, section_id, kind, start, len(text), shown, offsets)


def blocks_for(report: Report) -> tuple[Block, ...]:
    """The report as blocks in reading order: title, then each heading and its paragraphs."""
    blocks = [_block(report.id, report.id, BlockKind.TITLE, report.display_title, None)]
    for section in report.sections:
        if section.heading_span is not None:
            heading = section.heading_span
            blocks.append(_block(section.id, section.id, BlockKind.HEADING, heading.slice(report.text), heading.start))
        else:
            blocks.append(_block(section.id, section.id, BlockKind.HEADING, section.title, None))
        for paragraph in section.paragraphs:
            blocks.append(_block(paragraph.id, section.id, BlockKind.PARAGRAPH, paragraph.text, paragraph.span.start))
    return tuple(blocks)


_ONE_CELL_RUN = re.compile("[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e]*")
"""Text made only of characters one cell wide: printable ASCII and Latin, and the usual
punctuation (dashes, curly quotes, bullets, ellipsis); nothing combining, zero-width or wide."""


@lru_cache(maxsize=4096)
def _cells(char: str) -> int:
    return get_character_cell_size(char)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Break `text` into lines of at most `width` cells, at spaces where possible.

    Returns (start, end) index pairs; the spaces at a break belong to neither line. A word
    longer than the width is cut at the width. Empty text is one empty line.
    """
    width = max(width, 1)
    if not text:
        return [(0, 0)]
    if _ONE_CELL_RUN.fullmatch(text) or all(_cells(char) == 1 for char in set(text)):
        return _wrap_narrow(text, width)
    return _wrap_cells(text, width)


@lru_cache(maxsize=64)
def _line_pattern(width: int) -> re.Pattern[str]:
    """Up to `width` characters ending before a space or line end, else exactly `width`."""
    return re.compile(rf" *([^\n]{{1,{width}}}(?=[ \n]|$)|[^\n]{{1,{width}}})", re.MULTILINE)


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy wrapping when every character is one cell wide (done by the regex engine)."""
    lines = [match.span(1) for match in _line_pattern(width).finditer(text)]
    return lines or [(0, 0)]


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    last_space = -1
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            lines.append((start, index))
            start, used, last_space, index = index + 1, 0, -1, index + 1
            continue
        cells = _cells(char)
        if used + cells > width and index > start:
            end = last_space if last_space > start else index
            lines.append((start, end))
            start = end
            while start < length and text[start] == " ":
                start += 1
            used, last_space, index = 0, -1, start
            continue
        if char == " ":
            last_space = index
        used += cells
        index += 1
    if start < length or not lines:
        lines.append((start, length))
    return lines


class Layout:
    """Blocks laid out at one width: which block and line each row of the document shows.

    Each block is followed by one blank row. `shown` selects the blocks on view (all by
    default); wrapping is cached per block and width in `cache`, which can be shared.
    """

    def __init__(
        self,
        blocks: Sequence[Block],
        width: int,
        shown: Sequence[int] | None = None,
        cache: dict[tuple[int, int], list[tuple[int, int]]] | None = None,
    ) -> None:
        self.blocks = blocks
        self.width = max(width, 1)
        self.shown = list(range(len(blocks))) if shown is None else list(shown)
        self._cache = {} if cache is None else cache
        self.tops: list[int] = []
        row = 0
        for index in self.shown:
            self.tops.append(row)
            row += len(self.lines(index)) + 1
        self.height = row

    def lines(self, index: int) -> list[tuple[int, int]]:
        """The wrapped lines of block `index` as (start, end) indexes into its shown text."""
        key = (index, self.width)
        lines = self._cache.get(key)
        if lines is None:
            lines = self._cache[key] = wrap(self.blocks[index].shown, self.width)
        return lines

    def locate(self, row: int) -> tuple[int, int] | None:
        """(block index, line number) shown at `row`, or None for a blank or missing row."""
        if row < 0 or not self.tops:
            return None
        position = bisect_right(self.tops, row) - 1
        if position < 0:
            return None
        index = self.shown[position]
        line = row - self.tops[position]
        return (index, line) if line < len(self.lines(index)) else None

    def block_at(self, row: int) -> int | None:
        """The block index whose rows (including its trailing blank) contain `row`."""
        if not self.tops:
            return None
        position = min(max(bisect_right(self.tops, row) - 1, 0), len(self.shown) - 1)
        return self.shown[position]

    def top_of(self, index: int) -> int | None:
        """The first row of block `index`, or None when it is not shown."""
        position = self.position_of(index)
        return None if position is None else self.tops[position]

    def row_of(self, index: int, offset: int) -> int | None:
        """The row showing report-text `offset` inside block `index`."""
        top = self.top_of(index)
        if top is None:
            return None
        at = self.blocks[index].to_shown(offset)
        lines = self.lines(index)
        starts = [start for start, _ in lines]
        return top + max(bisect_right(starts, at) - 1, 0)

    def point(self, row: int, column: int) -> tuple[int, int]:
        """(position in `shown`, index into that block's shown text) of a row and text column.

        `column` counts characters from the start of the block's shown text, as the view's
        selection offsets do; it is clamped to the row's line. A blank row is the end of the
        block above it.
        """
        if not self.shown:
            return 0, 0
        located = self.locate(row)
        if located is None:
            index = self.block_at(row)
            assert index is not None
            return self.position_of(index) or 0, len(self.blocks[index].shown)
        index, line = located
        start, end = self.lines(index)[line]
        return self.position_of(index) or 0, min(max(column, start), end)

    def text_between_points(self, report_text: str, first: tuple[int, int] | None, last: tuple[int, int] | None) -> str:
        """The report text from `first` to `last` ((row, column) points; None = the document's start or end).

        Blocks are kept apart by a blank line; wrapped lines keep the text between them.
        """
        if not self.shown:
            return ""
        begin, low = (0, 0) if first is None else self.point(*first)
        end, high = (len(self.shown) - 1, len(self.blocks[self.shown[-1]].shown)) if last is None else self.point(*last)
        pieces = []
        for position in range(begin, end + 1):
            block = self.blocks[self.shown[position]]
            start = low if position == begin else 0
            stop = high if position == end else len(block.shown)
            pieces.append(block.text_between(report_text, start, stop))
        return "\n\n".join(piece for piece in pieces if piece)

    def position_of(self, index: int) -> int | None:
        """Where block `index` is in `shown`, or None when it is not shown."""
        from bisect import bisect_left

        position = bisect_left(self.shown, index)
        if position < len(self.shown) and self.shown[position] == index:
            return position
        return None


def node_block(report: Report, blocks: Sequence[Block], node_id: str) -> tuple[int, int] | None:
    """(block index, report-text offset) where node `node_id` starts, or None if unknown."""
    index = {block.node_id: number for number, block in enumerate(blocks)}
    if node_id in index:
        number = index[node_id]
        return number, blocks[number].start
    node = report.find(node_id)
    if isinstance(node, Recommendation):
        number = index.get(node.paragraph_id)
        return None if number is None else (number, node.span.start)
    if isinstance(node, Sentence):
        paragraph_id = node.id.rsplit("/", 1)[0]
        number = index.get(paragraph_id)
        return None if number is None else (number, node.span.start)
    return None


def spans_by_block(blocks: Sequence[Block], spans: Iterable[Span]) -> dict[int, list[Span]]:
    """Group `spans` by the blocks they overlap (a span across blocks goes to each)."""
    starts = [block.start for block in blocks]
    grouped: dict[int, list[Span]] = {}
    for span in spans:
        number = max(bisect_right(starts, span.start) - 1, 0)
        while number < len(blocks):
            block = blocks[number]
            if block.start >= span.end and len(span) > 0:
                break
            if span.start < block.start + block.source_length or (len(span) == 0 and span.start == block.start):
                grouped.setdefault(number, []).append(span)
            if block.start + block.source_length >= span.end:
                break
            number += 1
    return grouped


def sentence_at(paragraph: Paragraph, offset: int) -> Sentence | None:
    """The sentence of `paragraph` that holds report-text `offset` (or the nearest before)."""
    found = None
    for sentence in paragraph.sentences:
        if sentence.span.start <= offset:
            found = sentence
        else:
            break
    return found or (paragraph.sentences[0] if paragraph.sentences else None)


def section_of(report: Report, node_id: str) -> Section | None:
    """The section that holds node `node_id`."""
    for section in report.sections:
        if node_id == section.id or node_id.startswith(section.id + "/"):
            return section
    return None
