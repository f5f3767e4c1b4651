"""Loading the rest of a library after the first frame: a thread worker, a progress bar, the summary of files skipped."""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tipbrowser.model import Report
from tipbrowser.ui.library_opening import Opening, skipped_summary

if TYPE_CHECKING:
    from tipbrowser.library import Entry, Skipped
    from tipbrowser.search import SearchIndex
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["LibraryLoader", "LibraryProgress", "LibraryChanged"]

_FLUSH_SECONDS = 0.1
"""How often the worker hands the reports it has loaded to the app."""


def _without_collector(entry: Entry) -> Report:
    """The entry's report, loaded with the cyclic GC paused (a report makes many objects and no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return entry.report()
    finally:
        if enabled:
            gc.enable()


class LibraryChanged(Message):
    """More reports are open (or loading finished); the picker refreshes its list."""


class LibraryProgress(Horizontal):
    """A one-line progress bar shown while the rest of the library loads."""

    DEFAULT_CSS = """
    LibraryProgress {
        height: 1;
        background: $panel;
    }
    #library-progress-label {
        width: auto;
        padding: 0 1;
        color: $text-muted;
    }
    """

    def __init__(self, total: int, done: int) -> None:
        super().__init__(id="library-progress")
        self._total, self._done = total, done

    def compose(self) -> ComposeResult:
        from textual.widgets import ProgressBar

        yield Static(Content("Loading reports"), id="library-progress-label")
        yield ProgressBar(total=self._total, show_eta=False, id="library-progress-bar")

    def on_mount(self) -> None:
        self.advance_to(self._done)

    def advance_to(self, done: int) -> None:
        """Show `done` of the files read."""
        self.query_one("#library-progress-bar").update(progress=done)  # type: ignore[attr-defined]


class LibraryLoader:
    """Loads the rest of an `Opening` in a thread worker, handing reports to the app as they come.

    When every file is read, the search index of all of them (from the cache when it holds
    one) is offered to the reading screen's search, and the files skipped are summed up
    in a notification.
    """

    def __init__(self, app: TipBrowserApp, opening: Opening) -> None:
        self.app = app
        self.opening = opening
        self.index: SearchIndex | None = None
        """The index of every report, once loading is done."""

    @property
    def loading(self) -> bool:
        """Whether files are still being read."""
        return not self.opening.finished

    def start(self) -> None:
        """Show the progress bar and load the rest (call after the first frame)."""
        if self.opening.finished:
            self._summarise()
            return
        reading = self.app.reading
        if not reading.is_mounted or not self.app.is_running:
            return  # the user quit before the first frame: nothing to load for
        reading.mount(LibraryProgress(self.opening.total, self.opening.done), after="#panes")
        self.app.run_worker(self._work, thread=True, group="library", name="library", exit_on_error=False)

    def _work(self) -> None:
        """In a thread: load the rest; an unexpected failure ends loading with one line, never the app."""
        try:
            self._load()
        except Exception as error:  # noqa: BLE001 - the reports already open stay readable
            from tipbrowser.ui.app import crash_line

            self._call(self._failed, crash_line(error))

    def _load(self) -> None:
        """Read every remaining file, then build or restore the search index."""
        from textual.worker import get_current_worker

        from tipbrowser.library import Skipped, cached_index

        worker = get_current_worker()
        opening = self.opening
        assert opening.remaining is not None
        batch: list[Report] = []
        skipped: list[Skipped] = []
        flushed = time.monotonic()
        for item in opening.remaining:
            if worker.is_cancelled:  # the app is closing
                return
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                batch.append(_without_collector(item))
                opening.entries.append(item)
            if time.monotonic() - flushed > _FLUSH_SECONDS:
                self._call(self._arrived, batch, skipped, opening.done + len(batch) + len(skipped))
                batch, skipped, flushed = [], [], time.monotonic()
        self._call(self._arrived, batch, skipped, opening.total)
        self._call(self._indexing)
        if worker.is_cancelled:
            return
        index = cached_index(list(opening.entries), opening.cache)
        self._call(self._finished, index)

    def _call(self, callback: object, *args: object) -> None:
        """Run `callback` on the UI thread, without waiting for it: loading goes on meanwhile.

        (`call_later` posts a message, which is safe from any thread; callbacks run in order.)
        """
        if self.app.is_running:
            self.app.call_later(callback, *args)  # type: ignore[arg-type]

    def _arrived(self, reports: list[Report], skipped: list[Skipped], done: int) -> None:
        """On the UI thread: open the reports that arrived and move the bar."""
        self.app.reports.extend(reports)
        self.opening.skipped.extend(skipped)
        self.opening.done = done
        for bar in self.app.reading.query(LibraryProgress):
            bar.advance_to(done)
        self.app.screen.post_message(LibraryChanged())

    def _indexing(self) -> None:
        """On the UI thread: every file is read; say the index is being built or restored."""
        for label in self.app.reading.query("#library-progress-label"):
            label.update(Content("Indexing for search"))  # type: ignore[attr-defined]

    def _finished(self, index: SearchIndex) -> None:
        """On the UI thread: hand the index to search, drop the bar, sum up what was skipped."""
        self.opening.remaining = None
        self.index = index
        reading = self.app.reading
        reading.search.adopt_index(index)
        for bar in reading.query(LibraryProgress):
            bar.remove()
        count = len(self.app.reports)
        self.app.notify(Content(f"{count} reports open."), title="Library", timeout=3)  # type: ignore[arg-type]
        self._summarise()
        self.app.screen.post_message(LibraryChanged())

    def _failed(self, line: str) -> None:
        self.opening.remaining = None
        for bar in self.app.reading.query(LibraryProgress):
            bar.remove()
        self.app.notify(Content(line), title="Loading stopped", severity="error", timeout=10)  # type: ignore[arg-type]

    def _summarise(self) -> None:
        if self.opening.skipped:
            self.app.notify(
                Content(skipped_summary(self.opening.skipped)),  # type: ignore[arg-type]
                title="Some files were not opened",
                severity="warning",
                timeout=8,
            )
