"""Opening many reports: the first before the app starts, the rest in a thread worker with a progress bar."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import ProgressBar, Static

from tipbrowser.bundled import bundled_path
from tipbrowser.errors import UsageError
from tipbrowser.model import Report
from tipbrowser.parser import parse_path
from tipbrowser.reader import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from tipbrowser.library import Entry, ReportCache, Skipped
    from tipbrowser.search import SearchIndex
    from tipbrowser.ui.app import TipBrowserApp

__all__ = ["Opening", "open_paths", "LibraryLoader", "LibraryProgress", "LibraryChanged", "skipped_summary"]

_FLUSH_SECONDS = 0.1
"""How often the worker hands the reports it has loaded to the app."""


@dataclass(slots=True)
class Opening:
    """What was opened before the app started, and what is still to load."""

    first: Report
    """The report shown at once."""
    total: int = 1
    """How many files were found."""
    done: int = 1
    """How many of them have been read (loaded or skipped)."""
    entries: list[Entry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    remaining: Iterator[Entry | Skipped] | None = None
    """The rest of the scan, resumed by the loader's worker."""
    cache: ReportCache | None = None

    @property
    def finished(self) -> bool:
        """Whether every file has been read."""
        return self.remaining is None


def open_paths(paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = True) -> Opening:
    """Open the first readable report of `paths` (the bundled one when none) and plan the rest.

    A single named file that cannot be read raises its `TipBrowserError`, as does a path
    that does not exist. Among several files or in folders, bad files are skipped; when
    none at all can be opened, `UsageError` says so.
    """
    if not paths:
        return Opening(parse_path(bundled_path(), max_bytes=max_bytes))
    if len(paths) == 1 and not Path(paths[0]).is_dir():
        return Opening(parse_path(Path(paths[0]), max_bytes=max_bytes))
    from tipbrowser.library import ReportCache, Skipped, discover, scan

    files = discover(paths)
    if not files:
        raise UsageError("no narratives (*.txt files) in the folders given; name a narrative file or a folder holding some")
    cache = ReportCache() if use_cache else None
    opening = Opening(first=None, total=len(files), done=0, cache=cache)  # type: ignore[arg-type]
    remaining = scan(files, max_bytes=max_bytes, cache=cache)
    for item in remaining:
        opening.done += 1
        if isinstance(item, Skipped):
            opening.skipped.append(item)
            continue
        opening.first = item.report()
        opening.entries.append(item)
        opening.remaining = remaining if opening.done < opening.total else None
        return opening
    reason = str(opening.skipped[0]) if opening.skipped else "nothing to read"
    raise UsageError(f"none of the {len(files)} files could be opened (the first: {reason})")


def skipped_summary(skipped: Sequence[Skipped]) -> str:
    """One sentence saying how many files were skipped and where to see them."""
    files = "file" if len(skipped) == 1 else "files"
    return f"{len(skipped)} {files} skipped — see the list in the report picker (press o)."


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

    def __init__(self, total: int, done: int) -> None:
        super().__init__(id="library-progress")
        self._total, self._done = total, done

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading reports"), id="library-progress-label")
        yield ProgressBar(total=self._total, show_eta=False, id="library-progress-bar")

    def on_mount(self) -> None:
        self.advance_to(self._done)

    def advance_to(self, done: int) -> None:
        """Show `done` of the files read."""
        self.query_one(ProgressBar).update(progress=done)


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
        from tipbrowser.library import Skipped, cached_index

        opening = self.opening
        assert opening.remaining is not None
        batch: list[Report] = []
        skipped: list[Skipped] = []
        flushed = time.monotonic()
        for item in opening.remaining:
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
        index = cached_index(list(opening.entries), opening.cache)
        self._call(self._finished, index)

    def _call(self, callback: object, *args: object) -> None:
        if self.app.is_running:
            self.app.call_from_thread(callback, *args)  # type: ignore[arg-type]

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
