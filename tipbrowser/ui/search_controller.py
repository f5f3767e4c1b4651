"""Search in the app: the index, queries run off the UI thread, highlights, n/N, the filter."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.style import Style
from textual.content import Content
from textual.css.query import QueryType

from tipbrowser.folding import stems
from tipbrowser.model import Report, Sentence, Span
from tipbrowser.query import as_typed
from tipbrowser.search import COUNT_LIMIT, SearchIndex, SearchResult
from tipbrowser.ui.search_rows import status_line

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget

    from tipbrowser.ui.screens.reading import ReadingScreen
    from tipbrowser.ui.widgets.search_bar import SearchBar
    from tipbrowser.ui.widgets.search_results import SearchResults

__all__ = ["SearchController", "Match", "MATCH_LAYER", "CURRENT_MATCH_LAYER", "LIST_LIMIT", "match_spans", "warm_stems"]

MATCH_LAYER = "search"
"""The document's highlight layer for every match."""
CURRENT_MATCH_LAYER = "search-current"
"""The document's highlight layer for the match `n`/`N` went to."""
LIST_LIMIT = 50
"""The most hits the Search tab lists (the count says how many there are)."""
SETTLE_SECONDS = 0.1
"""While keys keep coming, the count follows each one; the list and highlights wait this long for a pause.

The matches in the report on view are looked up only then, so that while the user types
the worker does one query per key and leaves the UI thread free to show the count.
"""


@dataclass(frozen=True, slots=True)
class Match:
    """One matched range of the report on view, with the sentence and paragraph holding it."""

    span: Span
    sentence_id: str
    paragraph_id: str


@dataclass(frozen=True, slots=True)
class _Request:
    generation: int
    query: str
    regex: bool
    report: Report
    matches: bool = False
    """Look up the matches in `report` (for the highlights) rather than the hits to list."""


def warm_stems(index: SearchIndex) -> None:
    """Have the stemmer learn every word of `index` (those it knows already cost nothing)."""
    stems(index.words())


def match_spans(report: Report, result: SearchResult) -> list[Match]:
    """Every matched range of `report` in `result`, as report-text spans in reading order."""
    matches: list[Match] = []
    for hit in result.hits:
        if hit.report_id != report.id:
            continue
        sentence = report.find(hit.sentence_id)
        if not isinstance(sentence, Sentence):
            continue
        base = sentence.span.start
        matches.extend(Match(Span(base + low, base + high), hit.sentence_id, hit.paragraph_id) for low, high in hit.spans)
    matches.sort(key=lambda match: match.span.start)
    return matches


class SearchController:
    """Owns the search state of one reading screen; the screen routes keys and messages here.

    Queries run in a thread worker, one at a time: a query typed while another runs waits,
    and only the newest waiting one runs (older ones are dropped); results whose
    generation is not the newest are discarded.
    """

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen
        self.index: SearchIndex | None = None
        """The index of every open report (built after the first frame)."""
        self.query = ""
        """The query in force ("" = no search)."""
        self.regex = False
        self.result: SearchResult | None = None
        """The hits the Search tab lists."""
        self.matches: list[Match] = []
        """Every match in the report on view, in reading order."""
        self.matches_report: str | None = None
        """The id of the report `matches` belong to."""
        self.filtering = False
        """Whether only matching paragraphs are shown."""
        self.generation = 0
        self._indexed: set[str] = set()
        self._busy = False
        self._pending: _Request | None = None
        self._at: int | None = None
        self._offered: SearchIndex | None = None
        self._timer: Timer | None = None
        self._later: tuple[_Request, SearchResult] | None = None
        self._found: dict[type[Widget], Widget] = {}

    # ----------------------------------------------------------------- running queries

    def start(self) -> None:
        """Build the index in a worker (call after the first frame)."""
        self._submit(_Request(self.generation, "", False, self.screen.report))

    def search(self, query: str, regex: bool) -> None:
        """Search for `query` (as words, or as a regular expression)."""
        self.generation += 1
        self.query, self.regex = query, regex
        if not query.strip():
            self._forget()
            return
        self._submit(_Request(self.generation, query, regex, self.screen.report))

    def _forget(self) -> None:
        """No query: no list, no highlights, no filter."""
        if self._timer is not None:
            self._timer.stop()
        self._timer, self._later = None, None
        self.result, self.matches, self.matches_report, self._at = None, [], None, None
        document = self.screen.document
        document.clear_highlights(MATCH_LAYER)
        document.clear_highlights(CURRENT_MATCH_LAYER)
        if self.filtering:
            self.filtering = False
            document.show_only(None)
        results = self._results()
        if results is not None:
            results.show(None)
        bar = self._bar()
        if bar is not None:
            bar.show_status("")

    def refresh(self) -> None:
        """Search again for the query in force (another report is on view, say)."""
        if self.query.strip():
            self.search(self.query, self.regex)

    def _submit(self, request: _Request) -> None:
        if self._busy:
            if self._pending is None or request.generation >= self._pending.generation:
                self._pending = request
            return
        self._busy = True
        self.screen.run_worker(lambda: self._work(request), thread=True, group="search", name="search")

    def _work(self, request: _Request) -> None:
        """In a thread: index what is not indexed yet, then run the query."""
        index = self._ensure_index()
        if request.query.strip() and request.generation == self.generation:
            query = request.query if request.regex else as_typed(request.query)
            if request.matches:
                own = index.search(
                    query, limit=COUNT_LIMIT, regex=request.regex, ranked=False, report_ids=[request.report.id]
                )
                self._call(self._show_matches, request, match_spans(request.report, own))
            else:
                result = replace(index.search(query, limit=LIST_LIMIT, regex=request.regex), query=request.query)
                self._call(self._show_result, request, result)
        self._call(self._finished)

    def adopt_index(self, index: SearchIndex) -> None:
        """Search `index` from now on (one built elsewhere, e.g. of a whole library), and search again."""
        self._offered = index
        if self.query.strip():
            self.refresh()
        else:
            self._submit(_Request(self.generation, "", False, self.screen.report))

    def _ensure_index(self) -> SearchIndex:
        offered, self._offered = self._offered, None
        if offered is not None:
            self.index, self._indexed = offered, set(offered.report_ids())
        index = self.index if self.index is not None else SearchIndex()
        reports = list(self.screen.app.reports)  # type: ignore[attr-defined]
        missing = [report for report in reports if report.id not in self._indexed]
        if missing:
            index.extend(missing)
            self._indexed.update(report.id for report in missing)
        self.index = index
        if missing or offered is not None:
            self._call(self._warm_later, index)
        return index

    def _warm_later(self, index: SearchIndex) -> None:
        """Learn the stems of every word of `index` in a worker of its own.

        Highlighting a hit stems each word of its sentence; a word met for the first time
        costs a query of its own, which made the first search for each new word slow
        (tens to hundreds of milliseconds at 5 MB). Learning them all in one batch, after
        the index is built, brings every later query down to a few milliseconds.
        """
        self.screen.run_worker(lambda: warm_stems(index), thread=True, group="search-warm", name="search-warm")

    def _call(self, callback: object, *args: object) -> None:
        """Run `callback` on the UI thread without waiting for it (callbacks run in order)."""
        app = self.screen.app
        if app.is_running:
            app.call_later(callback, *args)  # type: ignore[arg-type]

    def _finished(self) -> None:
        self._busy = False
        pending, self._pending = self._pending, None
        if pending is not None and pending.generation == self.generation:
            self._submit(pending)

    # ----------------------------------------------------------------- showing results

    def _show_result(self, request: _Request, result: SearchResult) -> None:
        """The count at once; the list and the highlights once typing pauses."""
        if request.generation != self.generation:
            return
        self.result = result
        bar = self._bar()
        if bar is not None:
            bar.show_status(status_line(result))
        self._later = (request, result)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(SETTLE_SECONDS, self._draw, name="search-settle")

    def _draw(self) -> None:
        """Typing paused: list the hits, and look up the matches to highlight."""
        self._timer = None
        later, self._later = self._later, None
        if later is None or later[0].generation != self.generation:
            return
        request, result = later
        results = self._results()
        if results is not None:
            results.show(result, self._titles())
        if result.total:  # the matches of the report on view now (enter may have gone to another)
            self._submit(replace(request, matches=True, report=self.screen.report))
        else:
            self._draw_matches(replace(request, report=self.screen.report), [])

    def _show_matches(self, request: _Request, matches: list[Match]) -> None:
        if request.generation == self.generation:
            self._draw_matches(request, matches)

    def _draw_matches(self, request: _Request, matches: list[Match]) -> None:
        document = self.screen.document
        if document.report is not request.report:
            return
        self.matches, self.matches_report, self._at = matches, request.report.id, None
        document.clear_highlights(CURRENT_MATCH_LAYER)
        spans = [match.span for match in matches]
        if spans:
            document.set_highlights(MATCH_LAYER, spans, self._style(current=False))
        else:
            document.clear_highlights(MATCH_LAYER)  # redraws the text only if something was highlighted
        if self.filtering:
            document.show_only({match.paragraph_id for match in matches})

    def show_again(self) -> None:
        """Show the result in force in the Search tab (one built since it came)."""
        results = self._results()
        if results is not None and self.result is not None:
            results.show(self.result, self._titles())

    def _titles(self) -> dict[str, str] | None:
        reports = self.screen.app.reports  # type: ignore[attr-defined]
        return None if len(reports) < 2 else {report.id: report.display_title for report in reports}

    def _style(self, current: bool) -> Style:
        variables = self.screen.app.get_css_variables()
        colour = variables.get("warning", "yellow")
        return Style.parse(f"bold black on {colour}" if current else f"underline {colour}")

    def _results(self) -> SearchResults | None:
        from tipbrowser.ui.widgets.search_results import SearchResults

        return self._widget(SearchResults)

    def _bar(self) -> SearchBar | None:
        from tipbrowser.ui.widgets.search_bar import SearchBar

        return self._widget(SearchBar)

    def _widget(self, kind: type[QueryType]) -> QueryType | None:
        """The screen's widget of `kind`, if mounted: found once, not by walking the DOM at every key."""
        found = self._found.get(kind)
        if found is None or not found.is_attached:
            found = next(iter(self.screen.query(kind)), None)
            if found is None:
                return None
            self._found[kind] = found
        return found  # type: ignore[return-value]

    # ----------------------------------------------------------------- moving and filtering

    def report_shown(self) -> None:
        """Another report is on view: match it afresh."""
        if self.matches_report is not None and self.screen.document.report is not None:
            if self.screen.document.report.id != self.matches_report:
                self.matches, self.matches_report = [], None
                self.refresh()

    def step(self, forward: bool) -> bool:
        """Go to the next (or previous) match from the current sentence; False when none.

        Wrapping round the end of the report says so in a notice.
        """
        document = self.screen.document
        if not self.matches:
            if self.query.strip():
                self.screen.notify(Content("No matches in this report."), title="Search", timeout=3)  # type: ignore[arg-type]
            return False
        starts = [match.span.start for match in self.matches]
        reference = self._reference(forward)
        number = bisect_right(starts, reference) if forward else bisect_left(starts, reference) - 1
        wrapped = number >= len(starts) or number < 0
        number %= len(starts)
        self._at = number
        match = self.matches[number]
        document.go_to(match.sentence_id, jump=False)
        document.set_highlights(CURRENT_MATCH_LAYER, [match.span], self._style(current=True))
        if wrapped:
            where = "top" if forward else "end"
            self.screen.notify(Content(f"Search wrapped round to the {where}."), title="Search", timeout=2)  # type: ignore[arg-type]
        return True

    def _reference(self, forward: bool) -> int:
        """The report-text offset that `n`/`N` move from."""
        document = self.screen.document
        if self._at is not None and self.matches[self._at].sentence_id == document.current_sentence:
            return self.matches[self._at].span.start
        node = self.screen.report.find(document.current_sentence or "")
        if not isinstance(node, Sentence):
            return -1 if forward else len(self.screen.report.text) + 1
        return node.span.start - 1 if forward else node.span.start

    @property
    def settled(self) -> bool:
        """Whether the newest query's list and highlights are drawn (nothing running or waiting)."""
        return self._timer is None and not self._busy and self._pending is None

    @property
    def current_match(self) -> Match | None:
        """The match `n`/`N` last went to."""
        return None if self._at is None or self._at >= len(self.matches) else self.matches[self._at]

    def toggle_filter(self) -> None:
        """Show only the paragraphs that match, or everything again."""
        document = self.screen.document
        if self.filtering:
            self.filtering = False
            document.show_only(None)
            return
        if not self.query.strip():
            self.screen.notify(Content("Search first (press /): the filter shows only matching paragraphs."), timeout=3)  # type: ignore[arg-type]
            return
        self.filtering = True
        document.show_only({match.paragraph_id for match in self.matches})

    def clear(self) -> bool:
        """Forget the search: the bar, the highlights, the filter and the list; False if there was none."""
        bar = self._bar()
        had = bool(self.query) or self.filtering or (bar is not None and bool(bar.display))
        self.generation += 1
        self.query = ""
        self._forget()
        if bar is not None:
            bar.clear()
        return had

    def jump(self, report_id: str, sentence_id: str) -> bool:
        """Go to a hit (switching to its report when another is on view)."""
        app = self.screen.app
        if report_id != self.screen.report.id:
            numbers = [n for n, report in enumerate(app.reports) if report.id == report_id]  # type: ignore[attr-defined]
            if not numbers:
                return False
            app.switch_report(numbers[0])  # type: ignore[attr-defined]
        self._at = None
        found = self.screen.go_to(sentence_id)
        for number, match in enumerate(self.matches):
            if match.sentence_id == sentence_id:
                self._at = number
                self.screen.document.set_highlights(CURRENT_MATCH_LAYER, [match.span], self._style(current=True))
                break
        return found
