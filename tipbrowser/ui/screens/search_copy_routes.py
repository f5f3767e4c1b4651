"""The reading screen's search and copy routes: keys and messages handed to the search controller and copy."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from textual.content import Content
from textual.screen import Screen

from tipbrowser.ui.widgets.document import DocumentView

if TYPE_CHECKING:
    from tipbrowser.cite import CiteFormat
    from tipbrowser.model import Report
    from tipbrowser.ui.copy import CopyTarget
    from tipbrowser.ui.screens.reading import ReadingScreen
    from tipbrowser.ui.search_controller import SearchController
    from tipbrowser.ui.widgets.search_bar import SearchBar
    from tipbrowser.ui.widgets.search_results import SearchResults

# The search engine, citations and the search widgets are imported when first used, after
# the first frame, so that they add nothing to start-up.

__all__ = ["SearchCopyRoutes"]


class SearchCopyRoutes(Screen[None]):
    """Mixed into the reading screen: `/` `n` `N` `&` `esc` `ctrl+r` `y` `Y`, and the search messages.

    It routes only: the search state lives in `SearchController`, the copy logic in `ui.copy`.
    """

    report: Report

    @cached_property
    def search(self) -> SearchController:
        """The search state of this screen."""
        from tipbrowser.ui.search_controller import SearchController

        return SearchController(self)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        """Build the search index once the first frame is on screen."""
        self.call_after_refresh(self._start_search)

    def _start_search(self) -> None:
        self.search.start()

    # ----------------------------------------------------------------- search

    async def action_search(self) -> None:
        """Open the search bar (and the Search tab when the side panel shows)."""
        bar = await self._search_bar()
        reading: ReadingScreen = self  # type: ignore[assignment]
        if reading.side_panel.display:
            reading.side_panel.show_tab("search")
        bar.open()

    async def _search_bar(self) -> SearchBar:
        from tipbrowser.ui.widgets.search_bar import SearchBar

        found = self.query(SearchBar)
        if found:
            return found.first()
        bar = SearchBar(id="search-bar")
        await self.mount(bar, after="#panes")
        return bar

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        """Search as the user types."""
        self.search.search(message.query, message.regex)

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        """Enter in the bar: go to the best hit and read from there."""
        result = self.search.result
        if result is not None and result.hits and result.query == message.query:
            self.search.jump(result.hits[0].report_id, result.hits[0].sentence_id)
        self.query_one(DocumentView).focus()

    def on_search_results_picked(self, message: SearchResults.Picked) -> None:
        """Go to the hit picked in the Search tab."""
        self.search.jump(message.report_id, message.sentence_id)
        self.query_one(DocumentView).focus()

    def on_search_results_ready(self, message: SearchResults.Ready) -> None:
        """Fill a Search tab built after the search was made."""
        self.search.show_again()

    def on_document_view_current_changed(self, message: DocumentView.CurrentChanged) -> None:
        """Match a newly shown report afresh (once there is a search at all)."""
        if "search" in self.__dict__:
            self.search.report_shown()

    def action_next_match(self) -> None:
        """Go to the next match."""
        self.search.step(forward=True)

    def action_previous_match(self) -> None:
        """Go to the previous match."""
        self.search.step(forward=False)

    def action_toggle_search_filter(self) -> None:
        """Show only the matching paragraphs, or everything again."""
        self.search.toggle_filter()

    def action_clear_search(self) -> None:
        """Clear the search: bar, highlights, filter and list."""
        if self.search.clear():
            self.query_one(DocumentView).focus()

    async def action_toggle_regex(self) -> None:
        """Switch the search between words and a regular expression."""
        bar = await self._search_bar()
        bar.regex = not bar.regex
        bar.open()
        self.search.search(bar.value, bar.regex)

    # ----------------------------------------------------------------- copy

    def action_copy_cited(self, fmt: str | None = None) -> None:
        """Copy what is selected with its citation (in `fmt`, else the configured format)."""
        from tipbrowser.cite import CiteFormat

        self._copy(cited=True, fmt=CiteFormat(fmt) if fmt else None)

    def action_copy_plain(self) -> None:
        """Copy what is selected, text only."""
        self._copy(cited=False, fmt=None)

    def action_copy_paragraph(self) -> None:
        """Copy the current paragraph with its citation."""
        from tipbrowser.ui.copy import CopyTarget

        paragraph = self.query_one(DocumentView).current_paragraph
        if paragraph is not None:
            self._deliver(CopyTarget(self.report.id, paragraph, what="paragraph"), cited=True, fmt=None)

    def action_copy_text(self) -> None:
        """Copy the mouse selection (ctrl+c), with a citation when it lies inside one passage."""
        from tipbrowser.ui.copy import selection_target

        selected = self.get_selected_text()
        target = selection_target(self.report, selected) if selected else None
        if target is None:
            if selected:  # not one passage of the report: the text alone, without escapes
                from tipbrowser.clipboard import sanitise

                self.app.copy_to_clipboard(sanitise(selected))
                return
            super().action_copy_text()  # type: ignore[misc]
            return
        self._deliver(target, cited=True, fmt=None)

    def copy_target(self) -> CopyTarget | None:
        """What `y`/`Y` copy now: a selection, the focused tab's item, the tree's node, or the sentence."""
        from tipbrowser.ui.copy import CopyTarget, Copyable, selection_target
        from tipbrowser.ui.widgets.search_results import SearchResults
        from tipbrowser.ui.widgets.section_tree import SectionTree

        selected = self.get_selected_text()
        if selected:
            target = selection_target(self.report, selected)
            if target is not None:
                return target
        focused = self.focused
        for node in focused.ancestors_with_self if focused is not None else ():
            if isinstance(node, SearchResults):
                row = node.selected
                return None if row is None else CopyTarget(row.report_id, row.sentence_id, what="search hit")
            if isinstance(node, Copyable) and node is not self:
                return node.copy_target()
            tab_target = self._tab_target(node, focused)
            if tab_target is not None:
                return tab_target
            if isinstance(node, SectionTree):
                cursor = node.cursor_node
                data = cursor.data if cursor is not None else None
                if isinstance(data, str) and data != self.report.id:
                    return CopyTarget(self.report.id, data, what="passage")
        document = self.query_one(DocumentView)
        if document.current_sentence is not None:
            return CopyTarget(self.report.id, document.current_sentence, what="sentence")
        if document.current_paragraph is not None:
            return CopyTarget(self.report.id, document.current_paragraph, what="paragraph")
        return None

    def _tab_target(self, node: object, focused: object) -> CopyTarget | None:
        """The metric or recommendation (or its evidence) selected in the Metrics or Recommendations tab."""
        from tipbrowser.ui.copy import CopyTarget, metric_lead

        metric = getattr(node, "selected_metric", None)
        if metric is not None:
            return CopyTarget(metric.report_id, metric.sentence_id, lead=metric_lead(self.report, metric), what="figure")
        if getattr(focused, "id", None) == "evidence-list":
            evidence = getattr(node, "selected_evidence", None)
            if evidence is not None:
                return CopyTarget(self.report.id, evidence.sentence_id, what="evidence")
        recommendation = getattr(node, "selected_recommendation_id", None)
        if isinstance(recommendation, str):
            return CopyTarget(self.report.id, recommendation, what="recommendation")
        return None

    def _copy(self, cited: bool, fmt: CiteFormat | None) -> None:
        target = self.copy_target()
        if target is None:
            self.notify(Content("Nothing to copy here."), timeout=3)  # type: ignore[arg-type]
            return
        self._deliver(target, cited=cited, fmt=fmt)

    def _deliver(self, target: CopyTarget, *, cited: bool, fmt: CiteFormat | None) -> None:
        from tipbrowser.ui.copy import copy_text, default_format, deliver_in_worker

        reports = {report.id: report for report in self.app.reports}  # type: ignore[attr-defined]
        report = reports.get(target.report_id)
        if report is None:
            return
        index = self.search.index
        walk = self.insights.walk  # type: ignore[attr-defined]
        links = walk.links if walk is not None and walk.report is report else None  # linked once, not per copy

        def make() -> str:
            return copy_text(report, target, fmt=fmt or default_format(), cited=cited, index=index, links=links)

        what = target.what if cited else f"{target.what} (text only)"
        deliver_in_worker(self, make, what=what)
