"""The reading pane: a virtual view of a report that renders only the rows on screen."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.message import Message
from textual.selection import Selection
from textual.strip import Strip

from tipbrowser.model import Paragraph, Report, Span
from tipbrowser.ui.actions import bindings
from tipbrowser.ui.layout import MAX_MEASURE, BlockKind, Layout, sentence_at
from tipbrowser.ui.reading_state import ReadingState
from tipbrowser.ui.widgets.paging import PagingView
from tipbrowser.ui.widgets.render_pass import OneStylePerRepaint

__all__ = ["DocumentView", "GUTTER", "PARAGRAPH_LAYER", "SENTENCE_LAYER"]

GUTTER = 3
"""Cells left of the text: a sentence marker, the current-paragraph bar, a space."""

PARAGRAPH_LAYER = "current-paragraph"
"""The highlight layer marking the current paragraph."""
SENTENCE_LAYER = "current-sentence"
"""The highlight layer marking the current sentence."""


class DocumentView(OneStylePerRepaint, PagingView, can_focus=True):
    """Shows one report as wrapped text; driven by `show_report`, `go_to` and the layers.

    Highlight styles are rich styles, style strings, or the name of one of this widget's
    `document--*` component classes (so a theme can restyle them).
    """

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
        self.state: ReadingState[str | Style] | None = None
        """What is shown and where the reader is (set by `show_report`)."""
        self._layout: Layout | None = None
        self._section_in_view: str | None = None

    # ----------------------------------------------------------------- driving it

    @property
    def report(self) -> Report | None:
        """The report on view."""
        return None if self.state is None else self.state.report

    @property
    def current_paragraph(self) -> str | None:
        """The id of the current paragraph: the reading position."""
        return None if self.state is None else self.state.current_paragraph

    @property
    def current_sentence(self) -> str | None:
        """The id of the current sentence (what a copy of "this sentence" takes)."""
        return None if self.state is None else self.state.current_sentence

    def show_report(self, report: Report) -> None:
        """Show `report` from its top."""
        self.state = ReadingState(report)
        self._layout = None
        self._section_in_view = None
        self._relayout(keep_position=False)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.set_current(self.state.paragraph_after(0), None)
        self._after_scroll()

    def go_to(self, node_id: str, *, jump: bool = True) -> bool:
        """Scroll node `node_id` (any id, or the report's) to the top and make it current.

        A jump posts `Jumped` so the screen can record it; returns False for unknown ids.
        """
        state, layout = self.state, self._layout
        if state is None or layout is None:
            return False
        origin = self.top_id
        target = state.target_row(layout, node_id, context=1 if jump else 0)
        if target is None:
            return False
        number, row = target
        block = state.blocks[number]
        if block.kind is BlockKind.PARAGRAPH:
            self.set_current(block.node_id, node_id)
        else:
            self.set_current(state.paragraph_after(number), None)
        self._scroll_and_report(row, origin if jump else None, node_id)
        return True

    def set_current(self, paragraph_id: str | None, node_id: str | None) -> None:
        """Make a paragraph current, with the sentence holding `node_id` (else its first)."""
        if self.state is None:
            return
        paragraph, sentence = self.state.resolve_current(paragraph_id, node_id)
        new = (paragraph.id if paragraph else None, sentence.id if sentence else None)
        if new == (self.state.current_paragraph, self.state.current_sentence):
            return
        self.state.current_paragraph, self.state.current_sentence = new
        self.set_highlights(PARAGRAPH_LAYER, [paragraph.span] if paragraph else [], "document--current-paragraph")
        self.set_highlights(SENTENCE_LAYER, [sentence.span] if sentence else [], "document--current-sentence")
        self.post_message(self.CurrentChanged(*new))

    def set_highlights(self, name: str, spans: Iterable[Span], style: str | Style) -> None:
        """Draw `spans` (report-text offsets) in `style`; layers coexist, keyed by `name`."""
        if self.state is not None:
            self.state.set_layer(name, spans, style)
            self.refresh()

    def clear_highlights(self, name: str) -> None:
        """Remove the highlight layer `name`, if any."""
        if self.state is not None and self.state.layers.pop(name, None) is not None:
            self.refresh()

    def highlights(self, name: str) -> list[Span]:
        """The spans of layer `name`, in order (empty if it is not set)."""
        return [] if self.state is None else self.state.spans_of(name)

    def set_markers(self, markers: Mapping[str, str]) -> None:
        """Show a one-character marker in the gutter beside each sentence id given."""
        if self.state is not None:
            self.state.markers = dict(markers)
            self.refresh()

    def show_only(self, paragraph_ids: Collection[str] | None) -> None:
        """Show only these paragraphs (and their headings), or everything for None."""
        if self.state is not None:
            self.state.show_only(paragraph_ids)
            self._relayout(keep_position=True)

    @property
    def top_id(self) -> str | None:
        """A node id for the top of the view (what the jump history records)."""
        if self.state is None or self._layout is None:
            return None
        return self.state.top_id(self._layout, round(self.scroll_y))

    @property
    def measure(self) -> int:
        """The width text is wrapped to."""
        return self._measure_for(self.scrollable_content_region.width)

    def rendered_lines(self) -> list[str]:
        """The plain text of the rows on screen."""
        return [self.render_line(y).text for y in range(self.scrollable_content_region.height)]

    def step_section(self, step: int) -> str | None:
        """The id of the section `step` (±1) from the one in view, if any."""
        if self.state is None or self._layout is None:
            return None
        return self.state.step_section(self._layout, round(self.scroll_y), step)

    # ----------------------------------------------------------------- actions

    def action_top(self) -> None:
        """Jump to the top of the report."""
        if self.report is not None:
            self.go_to(self.report.id)

    def action_bottom(self) -> None:
        """Jump to the end of the report."""
        last = self.state.last_paragraph() if self.state else None
        if last is not None:
            origin = self.top_id
            self.set_current(last, None)
            self._scroll_and_report(self.max_scroll_y, origin, last)

    def action_next_paragraph(self) -> None:
        """Make the next paragraph current."""
        self._step_paragraph(1)

    def action_previous_paragraph(self) -> None:
        """Make the previous paragraph current."""
        self._step_paragraph(-1)

    # ----------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        """Render row `y` of the view (only rows on screen are ever rendered)."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = round(self.scroll_y) + y
        located = None if self._layout is None else self._layout.locate(row)
        if located is None or self._layout is None or self.state is None:
            return Strip.blank(width, base).apply_offsets(0, row)
        number, line = located
        start, end = self._layout.lines(number)[line]
        text = self._line_text(self.state, number, start, end)
        lead = len(text.plain) - (end - start)
        self._stylize_selection(text, row, start, end, lead)
        margin = max((width - GUTTER - self._layout.width) // 2, 0)
        segments = [Segment(" " * margin, base), *text.render(self.app.console)]
        # Selection offsets count characters of the block's shown text: the margin and the
        # gutter come before `start`, so a pointer there means the line's start.
        return Strip(segments).adjust_cell_length(width, base).apply_offsets(start - margin - lead, row)

    def _stylize_selection(self, text: Text, row: int, start: int, end: int, lead: int) -> None:
        """Draw the selected part of the line `start`..`end` (shown indexes) after `lead` gutter characters."""
        selection = self.text_selection
        span = None if selection is None else selection.get_span(row)
        if span is None:
            return
        low, high = span
        low = min(max(low, start), end)
        high = end if high == -1 else min(max(high, start), end)
        if high > low:
            text.stylize(self._selection_style(), lead + low - start, lead + high - start)

    def _selection_style(self) -> Style:
        """The screen's selection colours over this view's background (the text keeps its colour)."""
        styles = self.screen.get_component_styles("screen--selection")
        under = self.background_colors[1]
        color = styles.color
        return Style(
            bgcolor=(under + styles.background).rich_color,
            color=None if color.a == 0 else (under + color).rich_color,
        )

    def _line_text(self, state: ReadingState[str | Style], number: int, start: int, end: int) -> Text:
        block = state.blocks[number]
        style = self.get_component_rich_style
        marker = state.marker(number, start, end) or " "
        current = block.node_id == state.current_paragraph
        text = Text(f"{marker}{'▌' if current else ' '} {block.shown[start:end]}", no_wrap=True, end="")
        lead = len(marker) + 2  # the gutter: marker, the current paragraph's bar, a space
        text.stylize(style("document--marker"), 0, len(marker))
        if current:
            text.stylize(style("document--bar"), lead - 2, lead - 1)
        text.stylize(style(f"document--{block.kind.value}"), lead)
        for low, high, layer_style in state.line_styles(number, start, end):
            text.stylize(self._resolve(layer_style), lead + low, lead + high)
        return text

    def _resolve(self, style: str | Style) -> Style:
        if isinstance(style, Style):
            return style
        if style.startswith("document--"):
            return self.get_component_rich_style(style)
        return Style.parse(style)

    # ----------------------------------------------------------------- selection

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The report text under a mouse selection (blocks apart by a blank line), for copying."""
        state, layout = self.state, self._layout
        if state is None or layout is None:
            return None
        first = None if selection.start is None else (selection.start.y, selection.start.x)
        last = None if selection.end is None else (selection.end.y, selection.end.x)
        text = layout.text_between_points(state.report.text, first, last)
        return (text, "\n") if text else None

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw the rows on screen with the selection."""
        self.refresh()

    def _forget_selection(self) -> None:
        """Drop this view's selection: its rows and columns mean other text once re-laid out."""
        if self.is_attached and self.text_selection is not None:
            self.screen.selections = {
                widget: selection for widget, selection in self.screen.selections.items() if widget is not self
            }

    # ----------------------------------------------------------------- events

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for the new width, keeping the reading position."""
        self._relayout(keep_position=True)

    def on_click(self, event: events.Click) -> None:
        """Make the clicked paragraph (and the sentence under the pointer) current."""
        offset = event.get_content_offset(self)
        state, layout = self.state, self._layout
        if offset is None or layout is None or state is None:
            return
        located = layout.locate(round(self.scroll_y) + offset.y)
        if located is None or state.blocks[located[0]].kind is not BlockKind.PARAGRAPH:
            return
        number, line = located
        block = state.blocks[number]
        margin = max((self.scrollable_content_region.width - GUTTER - layout.width) // 2, 0)
        start, end = layout.lines(number)[line]
        index = min(max(offset.x - margin - GUTTER, 0) + start, end)
        paragraph = state.report.find(block.node_id)
        sentence = sentence_at(paragraph, block.to_source(index)) if isinstance(paragraph, Paragraph) else None
        self.set_current(block.node_id, sentence.id if sentence else None)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Keep the current paragraph in view and tell the screen which section is on top."""
        super().watch_scroll_y(old_value, new_value)
        self._after_scroll()

    # ----------------------------------------------------------------- internals

    def _measure_for(self, width: int) -> int:
        return max(min(width - GUTTER - 1, MAX_MEASURE), 10)

    def _relayout(self, keep_position: bool) -> None:
        width = self.scrollable_content_region.width or self._first_width()
        state, old = self.state, self._layout
        if state is None or width <= GUTTER:
            return
        anchor = old.block_at(round(self.scroll_y)) if keep_position and old is not None else None
        anchor_line = round(self.scroll_y) - (old.top_of(anchor) or 0) if anchor is not None and old else 0
        self._layout = state.layout(self._measure_for(width))
        if self._layout is not old:
            self._forget_selection()
        self.virtual_size = Size(width, self._layout.height)
        top = self._layout.top_of(anchor) if anchor is not None else None
        if top is not None and (old is None or old is not self._layout):
            line = min(anchor_line, len(self._layout.lines(anchor)))  # type: ignore[arg-type]
            self.scroll_to(y=top + line, animate=False, immediate=True)
        self.refresh()

    def _first_width(self) -> int:
        """Before the first layout, the width this view will get, worked out from the terminal's
        width and the fixed widths of the panes beside it: the first frame is wrapped right."""
        width = self.app.size.width - self.styles.gutter.width - self.styles.scrollbar_size_vertical
        for sibling in self.parent.children if self.parent is not None else ():
            scalar = sibling.styles.width
            if sibling is not self and sibling.display and scalar is not None and scalar.unit is Unit.CELLS:
                width -= int(scalar.value) + sibling.styles.margin.width
        return max(width, 0)

    def _scroll_and_report(self, row: float, origin: str | None, target: str) -> None:
        self.scroll_to(y=row, animate=False, immediate=True)
        self._after_scroll()
        if origin is not None and origin != target:
            self.post_message(self.Jumped(origin, target))

    def _after_scroll(self) -> None:
        state, layout = self.state, self._layout
        if state is None or layout is None:
            return
        first = round(self.scroll_y)
        section_id = state.section_at(layout, first)
        if section_id is not None and section_id != self._section_in_view:
            self._section_in_view = section_id
            self.post_message(self.SectionInView(section_id))
        wanted = state.paragraph_in_view(layout, first, first + self._page() - 1)
        if wanted is not None and wanted != state.current_paragraph:
            self.set_current(wanted, None)

    def _step_paragraph(self, step: int) -> None:
        if self.state is None or self._layout is None:
            return
        target = self.state.step_paragraph(step)
        if target is None:
            return
        self.set_current(target, None)
        number = self.state.index[target]
        top = self._layout.top_of(number)
        first = round(self.scroll_y)
        if top is not None and (top < first or top + len(self._layout.lines(number)) > first + self._page()):
            self.scroll_to(y=top, animate=False, immediate=True)
