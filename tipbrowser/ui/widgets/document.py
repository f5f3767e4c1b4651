"""The reading pane: a virtual view of a report that renders only the rows on screen."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tipbrowser.model import Paragraph, Report, Sentence, Span
from tipbrowser.ui.actions import bindings
from tipbrowser.ui.layout import (
    MAX_MEASURE,
    Block,
    BlockKind,
    Layout,
    blocks_for,
    node_block,
    sentence_at,
    spans_by_block,
)

__all__ = ["DocumentView", "HighlightLayer"]

GUTTER = 3
"""Cells left of the text: a sentence marker, the current-paragraph bar, a space."""

PARAGRAPH_LAYER = "current-paragraph"
SENTENCE_LAYER = "current-sentence"


@dataclass(frozen=True, slots=True)
class HighlightLayer:
    """Spans of report text drawn in one style; a `document--*` style names a component class."""

    style: str | Style
    by_block: Mapping[int, list[Span]]


class DocumentView(ScrollView, can_focus=True):
    """Shows one report as wrapped text; driven by `show_report`, `go_to` and the layers."""

    BINDINGS = bindings("reader")

    COMPONENT_CLASSES = {
        "document--title",
        "document--heading",
        "document--paragraph",
        "document--current-paragraph",
        "document--current-sentence",
        "document--bar",
        "document--marker",
    }

    class CurrentChanged(Message):
        """The current paragraph or sentence changed. Handler: `on_document_view_current_changed`."""

        def __init__(self, paragraph_id: str | None, sentence_id: str | None) -> None:
            super().__init__()
            self.paragraph_id = paragraph_id
            """The current paragraph's id."""
            self.sentence_id = sentence_id
            """The current sentence's id."""

    class SectionInView(Message):
        """A different section reached the top of the view. Handler: `on_document_view_section_in_view`."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id
            """The id of the section at the top of the view."""

    class Jumped(Message):
        """The reader jumped (not scrolled) elsewhere. Handler: `on_document_view_jumped`."""

        def __init__(self, origin: str, target: str) -> None:
            super().__init__()
            self.origin = origin
            """Where the reader was: a node id to come back to."""
            self.target = target
            """The node id jumped to."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.report: Report | None = None
        """The report on view (set with `show_report`)."""
        self.current_paragraph: str | None = None
        """The id of the current paragraph: the reading position."""
        self.current_sentence: str | None = None
        """The id of the current sentence (what `y` will copy)."""
        self.markers: dict[str, str] = {}
        """Sentence id → one-character marker shown in the gutter beside the sentence."""
        self._blocks: tuple[Block, ...] = ()
        self._index: dict[str, int] = {}
        self._shown: list[int] | None = None
        self._wraps: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._layout: Layout | None = None
        self._layers: dict[str, HighlightLayer] = {}
        self._section_in_view: str | None = None

    # ----------------------------------------------------------------- driving it

    def show_report(self, report: Report) -> None:
        """Show `report` from its top."""
        self.report = report
        self._blocks = blocks_for(report)
        self._index = {block.node_id: number for number, block in enumerate(self._blocks)}
        self._wraps = {}
        self._shown = None
        self._layers = {}
        self.markers = {}
        self._section_in_view = None
        self.current_paragraph = self.current_sentence = None
        self._relayout(keep_position=False)
        self.scroll_to(y=0, animate=False, immediate=True)
        first = next((b for b in self._blocks if b.kind is BlockKind.PARAGRAPH), None)
        if first is not None:
            self._set_current(first.node_id, None)

    def go_to(self, node_id: str, *, jump: bool = True) -> bool:
        """Scroll node `node_id` (any id, or the report's) to the top and make it current.

        A jump posts `Jumped` so the screen can record it; returns False for unknown ids.
        """
        if self.report is None:
            return False
        origin = self.top_id
        target = self._target_row(node_id, context=1 if jump else 0)
        if target is None:
            return False
        number, row = target
        block = self._blocks[number]
        if block.kind is BlockKind.PARAGRAPH:
            self._set_current(block.node_id, node_id if node_id != block.node_id else None)
        else:
            nxt = self._next_paragraph_block(number)
            if nxt is not None:
                self._set_current(self._blocks[nxt].node_id, None)
        self.scroll_to(y=row, animate=False, immediate=True)
        self._after_scroll()
        if jump and origin is not None and origin != node_id:
            self.post_message(self.Jumped(origin, node_id))
        return True

    def set_highlights(self, name: str, spans: Iterable[Span], style: str | Style) -> None:
        """Draw `spans` (report-text offsets) in `style`; layers coexist, keyed by `name`."""
        self._layers[name] = HighlightLayer(style, spans_by_block(self._blocks, spans))
        self.refresh()

    def clear_highlights(self, name: str) -> None:
        """Remove the highlight layer `name`, if any."""
        if self._layers.pop(name, None) is not None:
            self.refresh()

    def highlights(self, name: str) -> list[Span]:
        """The spans of layer `name`, in order (empty if it is not set)."""
        layer = self._layers.get(name)
        if layer is None:
            return []
        return sorted({span for spans in layer.by_block.values() for span in spans})

    def set_markers(self, markers: Mapping[str, str]) -> None:
        """Show a one-character marker in the gutter beside each sentence id given."""
        self.markers = dict(markers)
        self.refresh()

    def show_only(self, paragraph_ids: Collection[str] | None) -> None:
        """Show only these paragraphs (and their headings), or everything for None."""
        if paragraph_ids is None:
            self._shown = None
        else:
            wanted = set(paragraph_ids)
            sections = {b.section_id for b in self._blocks if b.node_id in wanted}
            self._shown = [
                n
                for n, b in enumerate(self._blocks)
                if b.node_id in wanted or (b.kind is not BlockKind.PARAGRAPH and (b.section_id in sections or b.kind is BlockKind.TITLE))
            ]
        self._relayout(keep_position=True)

    @property
    def position(self) -> str | None:
        """A node id for the reading position: the current sentence, else paragraph, else top."""
        if self.current_sentence or self.current_paragraph:
            return self.current_sentence or self.current_paragraph
        block = self._block_at_top()
        return None if block is None else self._blocks[block].node_id

    @property
    def top_id(self) -> str | None:
        """A node id for the top of the view: the block there, or the sentence at its top row."""
        layout = self._layout
        if layout is None or self.report is None:
            return None
        row = round(self.scroll_y)
        number = layout.block_at(row)
        if number is None:
            return None
        block = self._blocks[number]
        top = layout.top_of(number) or 0
        lines = layout.lines(number)
        if block.kind is not BlockKind.PARAGRAPH or row == top or row - top >= len(lines):
            return block.node_id
        paragraph = self.report.find(block.node_id)
        at = block.to_source(lines[row - top][0])
        sentence = sentence_at(paragraph, at) if isinstance(paragraph, Paragraph) else None
        return sentence.id if sentence is not None else block.node_id

    @property
    def measure(self) -> int:
        """The width text is wrapped to."""
        return self._measure_for(self.scrollable_content_region.width)

    def rendered_lines(self) -> list[str]:
        """The plain text of the rows on screen (for tests and screen readers)."""
        height = self.scrollable_content_region.height
        return [self.render_line(y).text for y in range(height)]

    # ----------------------------------------------------------------- paragraphs

    def step_paragraph(self, step: int) -> None:
        """Make the paragraph `step` paragraphs away current and bring it into view."""
        paragraphs = [n for n in self._shown_blocks() if self._blocks[n].kind is BlockKind.PARAGRAPH]
        if not paragraphs:
            return
        current = self._index.get(self.current_paragraph or "", -1)
        later = [n for n in paragraphs if (n > current if step > 0 else n < current)]
        if not later:
            return
        number = later[0] if step > 0 else later[-1]
        self._set_current(self._blocks[number].node_id, None)
        self._bring_into_view(number)

    def step_section(self, step: int) -> str | None:
        """The id of the section `step` sections from the one in view, if any."""
        if self.report is None:
            return None
        ids = [s.id for s in self.report.sections]
        top = self._block_at_top()
        here = self._blocks[top].section_id if top is not None else None
        position = ids.index(here) if here in ids else -1
        if step < 0 and top is not None and self._layout is not None:
            heading_top = self._layout.top_of(self._index.get(here or "", -1))
            if heading_top is not None and heading_top < round(self.scroll_y):
                return here
        wanted = position + step
        return ids[wanted] if 0 <= wanted < len(ids) else None

    # ----------------------------------------------------------------- actions

    def action_scroll_down(self) -> None:
        """Scroll down one line."""
        self.scroll_relative(y=1, animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        """Scroll up one line."""
        self.scroll_relative(y=-1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        """Scroll down one page."""
        self.scroll_relative(y=max(self._page() - 1, 1), animate=False, immediate=True)

    def action_page_up(self) -> None:
        """Scroll up one page."""
        self.scroll_relative(y=-max(self._page() - 1, 1), animate=False, immediate=True)

    def action_half_page_down(self) -> None:
        """Scroll down half a page."""
        self.scroll_relative(y=max(self._page() // 2, 1), animate=False, immediate=True)

    def action_half_page_up(self) -> None:
        """Scroll up half a page."""
        self.scroll_relative(y=-max(self._page() // 2, 1), animate=False, immediate=True)

    def action_top(self) -> None:
        """Jump to the top of the report."""
        if self.report is not None:
            self.go_to(self.report.id)

    def action_bottom(self) -> None:
        """Jump to the end of the report."""
        paragraphs = [n for n in self._shown_blocks() if self._blocks[n].kind is BlockKind.PARAGRAPH]
        if not paragraphs:
            return
        origin = self.top_id
        last = self._blocks[paragraphs[-1]].node_id
        self._set_current(last, None)
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self._after_scroll()
        if origin is not None and origin != last:
            self.post_message(self.Jumped(origin, last))

    def action_next_paragraph(self) -> None:
        """Make the next paragraph current."""
        self.step_paragraph(1)

    def action_previous_paragraph(self) -> None:
        """Make the previous paragraph current."""
        self.step_paragraph(-1)

    # ----------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        """Render row `y` of the view (only rows on screen are ever rendered)."""
        width = self.scrollable_content_region.width
        layout = self._layout
        base = self.rich_style
        if layout is None:
            return Strip.blank(width, base)
        located = layout.locate(round(self.scroll_y) + y)
        if located is None:
            return Strip.blank(width, base)
        number, line = located
        text = self._line_text(number, *layout.lines(number)[line], first=line == 0)
        margin = max((width - GUTTER - layout.width) // 2, 0)
        segments = [Segment(" " * margin, base), *text.render(self.app.console)]
        return Strip(segments).adjust_cell_length(width, base)

    def _line_text(self, number: int, start: int, end: int, first: bool) -> Text:
        block = self._blocks[number]
        kind_style = self.get_component_rich_style(f"document--{block.kind.value}")
        body = Text(block.shown[start:end], style=kind_style, no_wrap=True, end="")
        for layer in self._layers.values():
            style = self._resolve(layer.style)
            for span in layer.by_block.get(number, ()):
                low = max(block.to_shown(span.start) - start, 0)
                high = min(block.to_shown(span.end) - start, end - start)
                if high > low:
                    body.stylize(style, low, high)
        current = block.node_id == self.current_paragraph
        bar = Text("▌" if current else " ", style=self.get_component_rich_style("document--bar") if current else "")
        marker = Text(self._marker(block, start, end) or " ", style=self.get_component_rich_style("document--marker"))
        return Text.assemble(marker, bar, " ", body, no_wrap=True, end="")

    def _marker(self, block: Block, start: int, end: int) -> str | None:
        if not self.markers or block.kind is not BlockKind.PARAGRAPH or self.report is None:
            return None
        paragraph = self.report.find(block.node_id)
        if not isinstance(paragraph, Paragraph):
            return None
        for sentence in paragraph.sentences:
            at = block.to_shown(sentence.span.start)
            if sentence.id in self.markers and (start <= at < end or (at < start and start == 0)):
                return self.markers[sentence.id][:1]
        return None

    def _resolve(self, style: str | Style) -> Style:
        if isinstance(style, Style):
            return style
        if style.startswith("document--"):
            return self.get_component_rich_style(style)
        return Style.parse(style)

    # ----------------------------------------------------------------- events

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for the new width, keeping the reading position."""
        self._relayout(keep_position=True, force=False)

    def on_click(self, event: events.Click) -> None:
        """Make the clicked paragraph (and sentence) current."""
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None:
            return
        located = self._layout.locate(round(self.scroll_y) + offset.y)
        if located is None:
            return
        number, line = located
        block = self._blocks[number]
        if block.kind is not BlockKind.PARAGRAPH or self.report is None:
            return
        margin = max((self.scrollable_content_region.width - GUTTER - self._layout.width) // 2, 0)
        start, end = self._layout.lines(number)[line]
        index = min(max(offset.x - margin - GUTTER, 0) + start, end)
        paragraph = self.report.find(block.node_id)
        sentence = sentence_at(paragraph, block.to_source(index)) if isinstance(paragraph, Paragraph) else None
        self._set_current(block.node_id, sentence.id if sentence else None)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Keep the current paragraph in view and tell the screen which section is on top."""
        super().watch_scroll_y(old_value, new_value)
        self._after_scroll()

    # ----------------------------------------------------------------- internals

    def _measure_for(self, width: int) -> int:
        return max(min(width - GUTTER - 1, MAX_MEASURE), 10)

    def _relayout(self, keep_position: bool, force: bool = True) -> None:
        width = self.scrollable_content_region.width
        if not self._blocks or width <= GUTTER:
            return
        if not force and self._layout is not None and self._layout.width == self._measure_for(width):
            self.virtual_size = Size(width, self._layout.height)
            return
        anchor = self._block_at_top() if keep_position else None
        anchor_line = 0
        if anchor is not None and self._layout is not None:
            top = self._layout.top_of(anchor)
            anchor_line = round(self.scroll_y) - top if top is not None else 0
        self._layout = Layout(self._blocks, self._measure_for(width), self._shown, self._wraps)
        self.virtual_size = Size(width, self._layout.height)
        if anchor is not None:
            top = self._layout.top_of(anchor)
            if top is not None:
                line = min(anchor_line, len(self._layout.lines(anchor)))
                self.scroll_to(y=top + line, animate=False, immediate=True)
        self.refresh()

    def _target_row(self, node_id: str, context: int) -> tuple[int, int] | None:
        if self.report is not None and node_id == self.report.id:
            return 0, 0
        found = node_block(self.report, self._blocks, node_id) if self.report else None
        if found is None or self._layout is None:
            return None
        number, offset = found
        row = self._layout.row_of(number, offset)
        if row is None:
            return None
        top = self._layout.top_of(number) or 0
        return number, max(top, row - context)

    def _set_current(self, paragraph_id: str | None, sentence_id: str | None) -> None:
        paragraph = self.report.find(paragraph_id) if self.report and paragraph_id else None
        sentence: Sentence | None = None
        if isinstance(paragraph, Paragraph):
            found = self.report.find(sentence_id) if self.report and sentence_id else None
            if isinstance(found, Sentence) and found.id.startswith(paragraph.id + "/"):
                sentence = found
            elif found is not None and hasattr(found, "span"):
                sentence = sentence_at(paragraph, found.span.start)  # type: ignore[union-attr]
            else:
                sentence = paragraph.sentences[0] if paragraph.sentences else None
        new = (paragraph.id if paragraph else None, sentence.id if sentence else None)
        if new == (self.current_paragraph, self.current_sentence):
            return
        self.current_paragraph, self.current_sentence = new
        if isinstance(paragraph, Paragraph):
            self.set_highlights(PARAGRAPH_LAYER, [paragraph.span], "document--current-paragraph")
        else:
            self.clear_highlights(PARAGRAPH_LAYER)
        if sentence is not None:
            self.set_highlights(SENTENCE_LAYER, [sentence.span], "document--current-sentence")
        else:
            self.clear_highlights(SENTENCE_LAYER)
        self.post_message(self.CurrentChanged(*new))

    def _after_scroll(self) -> None:
        if self._layout is None:
            return
        top = self._block_at_top()
        if top is None:
            return
        section_id = self._blocks[top].section_id
        if self.report is not None and section_id == self.report.id:
            section_id = self.report.sections[0].id if self.report.sections else section_id
        if section_id != self._section_in_view:
            self._section_in_view = section_id
            self.post_message(self.SectionInView(section_id))
        self._keep_current_in_view()

    def _keep_current_in_view(self) -> None:
        layout = self._layout
        if layout is None:
            return
        first = round(self.scroll_y)
        last = first + max(self.scrollable_content_region.height, 1) - 1
        number = self._index.get(self.current_paragraph or "")
        if number is not None:
            top = layout.top_of(number)
            if top is not None and first <= top + len(layout.lines(number)) - 1 and top <= last:
                return
        shown = layout.shown
        start = layout.position_of(layout.block_at(first) or 0) or 0
        for candidate in shown[start:]:
            top = layout.tops[layout.position_of(candidate) or 0]
            if top > last:
                return
            if self._blocks[candidate].kind is BlockKind.PARAGRAPH and top + len(layout.lines(candidate)) > first:
                self._set_current(self._blocks[candidate].node_id, None)
                return

    def _bring_into_view(self, number: int) -> None:
        if self._layout is None:
            return
        top = self._layout.top_of(number)
        if top is None:
            return
        first = round(self.scroll_y)
        height = self.scrollable_content_region.height
        bottom = top + len(self._layout.lines(number))
        if top < first or bottom > first + height:
            self.scroll_to(y=top, animate=False, immediate=True)

    def _block_at_top(self) -> int | None:
        return None if self._layout is None else self._layout.block_at(round(self.scroll_y))

    def _shown_blocks(self) -> list[int]:
        return list(range(len(self._blocks))) if self._shown is None else self._shown

    def _next_paragraph_block(self, number: int) -> int | None:
        return next((n for n in self._shown_blocks() if n > number and self._blocks[n].kind is BlockKind.PARAGRAPH), None)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height, 1)
