"""What the document view shows, without Textual: blocks, filter, layers, markers, position."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Generic, NamedTuple, TypeVar

from tipbrowser.model import Paragraph, Report, Sentence, Span
from tipbrowser.ui.layout import (
    Block,
    BlockKind,
    Layout,
    blocks_for,
    node_block,
    sentence_at,
    spans_by_block,
)

__all__ = ["ReadingState", "HighlightLayer"]

StyleT = TypeVar("StyleT")


class HighlightLayer(NamedTuple, Generic[StyleT]):
    """Spans of report text drawn in one style, grouped by block index."""

    style: StyleT
    by_block: Mapping[int, list[Span]]


class ReadingState(Generic[StyleT]):
    """One report laid out for reading: which blocks show, what is highlighted, where we are.

    Rows are counted from the top of the whole document at a given wrap width; the view
    that owns this state decides which rows are on screen.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self.blocks: tuple[Block, ...] = blocks_for(report)
        self.index = {block.node_id: number for number, block in enumerate(self.blocks)}
        self.shown: list[int] | None = None
        self.layers: dict[str, HighlightLayer[StyleT]] = {}
        self.markers: dict[str, str] = {}
        self.current_paragraph: str | None = None
        self.current_sentence: str | None = None
        self._wraps: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._layouts: dict[int, Layout] = {}

    # ----------------------------------------------------------------- layout

    def layout(self, width: int) -> Layout:
        """The document wrapped to `width` (cached per width until the filter changes)."""
        layout = self._layouts.get(width)
        if layout is None:
            if len(self._layouts) > 4:
                self._layouts.clear()
            layout = self._layouts[width] = Layout(self.blocks, width, self.shown, self._wraps)
        return layout

    def show_only(self, paragraph_ids: Collection[str] | None) -> None:
        """Show only these paragraphs (with their headings and the title), or all for None."""
        self._layouts.clear()
        if paragraph_ids is None:
            self.shown = None
            return
        wanted = set(paragraph_ids)
        sections = {b.section_id for b in self.blocks if b.node_id in wanted}
        self.shown = [
            number
            for number, block in enumerate(self.blocks)
            if block.node_id in wanted
            or block.kind is BlockKind.TITLE
            or (block.kind is BlockKind.HEADING and block.section_id in sections)
        ]

    def shown_blocks(self) -> list[int]:
        """The indexes of the blocks on view, in order."""
        return list(range(len(self.blocks))) if self.shown is None else self.shown

    # ----------------------------------------------------------------- layers and markers

    def set_layer(self, name: str, spans: Iterable[Span], style: StyleT) -> None:
        """Set highlight layer `name`."""
        self.layers[name] = HighlightLayer(style, spans_by_block(self.blocks, spans))

    def spans_of(self, name: str) -> list[Span]:
        """The spans of layer `name`, in order (empty if it is not set)."""
        layer = self.layers.get(name)
        if layer is None:
            return []
        return sorted({span for spans in layer.by_block.values() for span in spans})

    def line_styles(self, number: int, start: int, end: int) -> Iterator[tuple[int, int, StyleT]]:
        """(low, high, style) in line coordinates for each layer span on a line of a block."""
        block = self.blocks[number]
        for layer in self.layers.values():
            for span in layer.by_block.get(number, ()):
                low = max(block.to_shown(span.start) - start, 0)
                high = min(block.to_shown(span.end) - start, end - start)
                if high > low:
                    yield low, high, layer.style

    def marker(self, number: int, start: int, end: int) -> str | None:
        """The gutter marker for the line `start:end` of block `number`, if a marked sentence starts there."""
        block = self.blocks[number]
        if not self.markers or block.kind is not BlockKind.PARAGRAPH:
            return None
        paragraph = self.report.find(block.node_id)
        if not isinstance(paragraph, Paragraph):
            return None
        for sentence in paragraph.sentences:
            if sentence.id in self.markers and start <= block.to_shown(sentence.span.start) < max(end, start + 1):
                return self.markers[sentence.id][:1]
        return None

    # ----------------------------------------------------------------- position

    def target_row(self, layout: Layout, node_id: str, context: int = 0) -> tuple[int, int] | None:
        """(block index, row) to scroll to for node `node_id`, with `context` rows above."""
        if node_id == self.report.id:
            return 0, 0
        found = node_block(self.report, self.blocks, node_id)
        if found is None:
            return None
        number, offset = found
        row = layout.row_of(number, offset)
        if row is None:
            return None
        top = layout.top_of(number) or 0
        return number, max(top, row - context)

    def top_id(self, layout: Layout, row: int) -> str | None:
        """A node id for `row`: the block there, or the sentence at the start of that line."""
        number = layout.block_at(row)
        if number is None:
            return None
        block = self.blocks[number]
        top = layout.top_of(number) or 0
        lines = layout.lines(number)
        if block.kind is not BlockKind.PARAGRAPH or row == top or row - top >= len(lines):
            return block.node_id
        paragraph = self.report.find(block.node_id)
        sentence = sentence_at(paragraph, block.to_source(lines[row - top][0])) if isinstance(paragraph, Paragraph) else None
        return sentence.id if sentence is not None else block.node_id

    def section_at(self, layout: Layout, row: int) -> str | None:
        """The id of the section shown at `row` (the first section for the title)."""
        number = layout.block_at(row)
        if number is None:
            return None
        section_id = self.blocks[number].section_id
        if section_id == self.report.id and self.report.sections:
            return self.report.sections[0].id
        return section_id

    def paragraph_in_view(self, layout: Layout, first: int, last: int) -> str | None:
        """The current paragraph if any of it is in rows first..last, else the first one that is."""
        number = self.index.get(self.current_paragraph or "")
        if number is not None:
            top = layout.top_of(number)
            if top is not None and top <= last and first < top + len(layout.lines(number)):
                return self.current_paragraph
        position = layout.position_of(layout.block_at(first) or 0) or 0
        for offset, candidate in enumerate(layout.shown[position:]):
            top = layout.tops[position + offset]
            if top > last:
                return None
            if self.blocks[candidate].kind is BlockKind.PARAGRAPH and top + len(layout.lines(candidate)) > first:
                return self.blocks[candidate].node_id
        return None

    def step_paragraph(self, step: int) -> str | None:
        """The id of the shown paragraph `step` (±1) away from the current one."""
        current = self.index.get(self.current_paragraph or "", -1)
        paragraphs = [n for n in self.shown_blocks() if self.blocks[n].kind is BlockKind.PARAGRAPH]
        later = [n for n in paragraphs if (n > current if step > 0 else n < current)]
        if not later:
            return None
        return self.blocks[later[0] if step > 0 else later[-1]].node_id

    def step_section(self, layout: Layout, row: int, step: int) -> str | None:
        """The section `step` (±1) from the one at `row`; back to its own top first when inside it."""
        ids = [s.id for s in self.report.sections if s.id in self.index and layout.top_of(self.index[s.id]) is not None]
        here = self.section_at(layout, row) if row > 0 else None
        position = ids.index(here) if here in ids else -1
        if step < 0 and here is not None:
            heading = layout.top_of(self.index[here])
            if heading is not None and heading < row:
                return here
        wanted = position + step
        return ids[wanted] if 0 <= wanted < len(ids) else None

    def last_paragraph(self) -> str | None:
        """The id of the last paragraph on view."""
        paragraphs = [n for n in self.shown_blocks() if self.blocks[n].kind is BlockKind.PARAGRAPH]
        return self.blocks[paragraphs[-1]].node_id if paragraphs else None

    def paragraph_after(self, number: int) -> str | None:
        """The id of the first paragraph on view after block `number`."""
        for candidate in self.shown_blocks():
            if candidate > number and self.blocks[candidate].kind is BlockKind.PARAGRAPH:
                return self.blocks[candidate].node_id
        return None

    def resolve_current(self, paragraph_id: str | None, node_id: str | None) -> tuple[Paragraph | None, Sentence | None]:
        """The paragraph and sentence that become current for a paragraph and a node in it."""
        paragraph = self.report.find(paragraph_id) if paragraph_id else None
        if not isinstance(paragraph, Paragraph):
            return None, None
        node = self.report.find(node_id) if node_id else None
        if isinstance(node, Sentence) and node.id.startswith(paragraph.id + "/"):
            return paragraph, node
        if node is not None and not isinstance(node, Paragraph) and hasattr(node, "span"):
            return paragraph, sentence_at(paragraph, node.span.start)
        return paragraph, paragraph.sentences[0] if paragraph.sentences else None
