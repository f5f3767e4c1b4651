"""The Search tab: how many hits, then the hits grouped by section with highlighted snippets."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tipbrowser.search import SearchResult
from tipbrowser.ui.search_rows import HitRow, count_label, group_hits
from tipbrowser.ui.widgets.render_pass import FixedBox

__all__ = ["SearchResults", "HIT_STYLE"]

HIT_STYLE = "bold $warning"
"""How a matched term is drawn in a snippet."""


class HitList(FixedBox, OptionList):
    """The hits: a new list repaints the tab, not the whole screen (the tab's size is fixed)."""


class SearchResults(Vertical):
    """Shows one `SearchResult`; enter (or a click) on a hit posts `Picked`."""

    DEFAULT_CSS = """
    #search-count {
        height: 2;
        padding: 0 1;
        color: $text-muted;
    }
    #search-hits {
        height: 1fr;
        border: none;
        overflow-y: scroll;  /* a scrollbar that came and went would re-lay out the screen */
        scrollbar-size-vertical: 1;
    }
    """

    class Picked(Message):
        """The user picked a hit. Handler: `on_search_results_picked`."""

        def __init__(self, report_id: str, sentence_id: str) -> None:
            super().__init__()
            self.report_id = report_id
            """The report holding the hit."""
            self.sentence_id = sentence_id
            """The matching sentence."""

    class Ready(Message):
        """The tab exists and can show results. Handler: `on_search_results_ready`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result: SearchResult | None = None
        """The result on show."""
        self._rows: dict[str, HitRow] = {}

    def compose(self) -> ComposeResult:
        yield Static(Content("Press / to search the open reports."), id="search-count")
        yield HitList(id="search-hits")

    def on_mount(self) -> None:
        """Ask for the results of a search made before the tab was built."""
        self.post_message(self.Ready())

    @property
    def hits(self) -> OptionList:
        """The list of hits."""
        return self.query_one(OptionList)

    def show(self, result: SearchResult | None, titles: Mapping[str, str] | None = None) -> None:
        """List `result` (None: nothing searched); `titles` names reports when several are open."""
        self.result = result
        self._rows = {}
        options: list[Option | None] = []
        for group in group_hits(result, titles) if result is not None else []:
            if options:
                options.append(None)
            options.append(Option(Content.styled(group.title, "bold $primary"), disabled=True))
            for row in group.rows:
                option_id = f"hit-{row.number}"
                self._rows[option_id] = row
                options.append(Option(_snippet(row), id=option_id))
        count = count_label(result, len(self._rows)) if result is not None else "Press / to search the open reports."
        if result is not None and result.notice:
            count = f"{count}. {result.notice}"
        self.query_one("#search-count", Static).update(Content(count), layout=False)  # fixed size
        hits = self.hits
        hits.set_options(options)
        if self._rows:
            hits.highlighted = next(i for i, option in enumerate(hits.options) if not option.disabled)

    @property
    def selected(self) -> HitRow | None:
        """The hit under the list's cursor."""
        option = self.hits.highlighted_option
        return None if option is None or option.id is None else self._rows.get(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn a picked option into `Picked`."""
        event.stop()
        row = self._rows.get(event.option.id or "")
        if row is not None:
            self.post_message(self.Picked(row.report_id, row.sentence_id))


def _snippet(row: HitRow) -> Content:
    content = Content(row.snippet)
    for low, high in row.spans:
        content = content.stylize(HIT_STYLE, low, high)
    return content
