"""Many reports at once: finding narratives in folders, loading them through a cache, skipping what cannot be read."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tipbrowser import __version__
from tipbrowser.errors import BinaryFileError, NotFoundError, TipBrowserError
from tipbrowser.model import Report
from tipbrowser.reader import DEFAULT_MAX_BYTES, decode, read_bytes, read_path
from tipbrowser.text import visible

if TYPE_CHECKING:
    from tipbrowser.search import SearchIndex

__all__ = [
    "Skipped",
    "Loaded",
    "Entry",
    "ReportCache",
    "scan",
    "open_report",
    "discover",
    "iter_load",
    "load_reports",
    "default_cache_path",
    "cached_index",
]

_KEPT_INDEXES = 4
"""How many search indexes (one per set of open reports) the cache keeps."""

_SCHEMA = 3


class Skipped(NamedTuple):
    """A file that was not opened, and why, in one line."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{visible(str(self.path))}: {self.reason}"


class Loaded(NamedTuple):
    """What a load produced: reports in order, and the files skipped."""

    reports: tuple[Report, ...]
    skipped: tuple[Skipped, ...]


def discover(paths: Sequence[str | Path]) -> list[Path]:
    """Expand `paths` into files: folders give their `*.txt` files, recursively, sorted.

    A path that does not exist raises `NotFoundError`; files are kept whatever their name.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() == ".txt" and not _hidden(p.relative_to(path)) and p.is_file()
                )
            )
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise NotFoundError(path, "no such file or folder")
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


class Entry:
    """One narrative of a library: what a picker shows at once, the full report on demand.

    Entries found in the cache are not unpickled until `report()` is first called, so a
    large library reopens in the time it takes to read its files and one index.
    """

    __slots__ = ("path", "id", "title", "country", "year", "tier", "_key", "_cache", "_report")

    def __init__(
        self,
        path: Path,
        facts: tuple[str, str | None, str | None, int | None, str | None],
        *,
        key: tuple[str, int, int, str] | None = None,
        cache: ReportCache | None = None,
        report: Report | None = None,
    ) -> None:
        self.path = path
        self.id, self.title, self.country, self.year, self.tier = facts
        self._key, self._cache, self._report = key, cache, report

    @classmethod
    def of(cls, path: Path, report: Report) -> Entry:
        """An entry for a report already in hand."""
        return cls(path, _facts(report), report=report)

    @property
    def digest(self) -> str:
        """The content hash of the file this entry was read from."""
        if self._key is not None:
            return self._key[3]
        return hashlib.sha256(self.report().text.encode("utf-8", "surrogatepass")).hexdigest()

    def report(self) -> Report:
        """The full report (from the cache, or read and parsed again if the cache lost it)."""
        if self._report is None:
            found = self._cache.get(self._key) if self._cache and self._key else None
            if found is None:
                decoded = read_path(self.path)
                found = _parse(decoded.text, decoded.encoding, self.path)
            self._report = found
        return self._report

    def __repr__(self) -> str:
        return f"Entry({self.id!r}, {str(self.path)!r})"


def _facts(report: Report) -> tuple[str, str | None, str | None, int | None, str | None]:
    return (report.id, report.display_title, report.country, report.year, report.tier.value if report.tier else None)


def scan(
    files: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES, cache: ReportCache | None = None
) -> Iterator[Entry | Skipped]:
    """Each file as an `Entry` (parsed only when the cache does not know it), or `Skipped`."""
    ids: dict[str, Path] = {}
    for path in files:
        try:
            entry = _entry(path, max_bytes, cache)
        except TipBrowserError as error:
            yield Skipped(path, getattr(error, "problem", str(error)))
            continue
        if entry.id in ids:
            yield Skipped(path, f"the same report ({entry.id}) is already open from {visible(str(ids[entry.id]))}")
            continue
        ids[entry.id] = path
        yield entry


def iter_load(
    files: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES, cache: ReportCache | None = None
) -> Iterator[Report | Skipped]:
    """Read and parse each file in turn, yielding its report or the reason it was skipped."""
    for item in scan(files, max_bytes=max_bytes, cache=cache):
        if isinstance(item, Skipped):
            yield item
        else:
            with _collector_paused():
                report = item.report()
            yield report


def load_reports(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, cache: ReportCache | None = None
) -> Loaded:
    """Discover and load every narrative under `paths`."""
    reports: list[Report] = []
    skipped: list[Skipped] = []
    for item in iter_load(discover(paths), max_bytes=max_bytes, cache=cache):
        (skipped if isinstance(item, Skipped) else reports).append(item)  # type: ignore[arg-type]
    return Loaded(tuple(reports), tuple(skipped))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading a report makes thousands of objects and no cycles: the cyclic GC only costs."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def open_report(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, cache: ReportCache | None = None) -> Report:
    """The report at `path`, from the cache when it holds it (then nothing is parsed).

    Errors are raised, as `parse_path` raises them: for a file the user named.
    """
    with _collector_paused():
        return _entry(path, max_bytes, cache).report()


def _parse(text: str, encoding: str, path: Path) -> Report:
    # Imported here: a report found in the cache never needs the parser (nor its patterns).
    from tipbrowser import parser

    return parser.parse_text(text, encoding=encoding, source=str(path))


def _entry(path: Path, max_bytes: int, cache: ReportCache | None) -> Entry:
    data, info = read_bytes(path, max_bytes=max_bytes)
    key = (os.path.abspath(path), info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())
    if cache is not None:
        facts = cache.facts(key)
        if facts is not None:
            return Entry(path, facts, key=key, cache=cache)
    try:
        decoded = decode(data, path=path)
    except BinaryFileError:
        raise BinaryFileError(path, "holds binary data (NUL bytes), not a narrative") from None
    report = _parse(decoded.text, decoded.encoding, path)
    if cache is not None:
        cache.put(key, report)
    return Entry(path, _facts(report), key=key, cache=cache, report=report)


def default_cache_path() -> Path:
    """Where the report cache lives: the user's cache dir."""
    from platformdirs import user_cache_path

    return user_cache_path("tipbrowser") / "reports.sqlite"


class ReportCache:
    """Parsed reports on disk, keyed by path, size, mtime, content hash and version.

    Any trouble (a corrupt, truncated or unwritable cache) makes the cache rebuild itself
    or step aside; it never stops a report from opening. Deleting the file is always safe.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_cache_path()
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = self._open()

    def _open(self) -> sqlite3.Connection | None:
        for attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last write is fine
                db.execute(
                    "CREATE TABLE IF NOT EXISTS reports (path TEXT, size INTEGER, mtime INTEGER, "
                    "digest TEXT, version TEXT, schema INTEGER, report_id TEXT, title TEXT, "
                    "country TEXT, year INTEGER, tier TEXT, blob BLOB, "
                    "PRIMARY KEY (path, size, mtime, digest, version, schema))"
                )
                db.execute("SELECT report_id, blob FROM reports LIMIT 1").fetchone()
                return db
            except sqlite3.DatabaseError:
                if attempt == 0:
                    self._discard()
                    continue
                self.problem = "the cache could not be rebuilt"
            except OSError as error:
                self.problem = f"the cache is unavailable ({error.strerror or error})"
                return None
        return None

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                Path(str(self.path) + suffix).unlink()
            except OSError:
                pass

    def facts(self, key: tuple[str, int, int, str]) -> tuple[str, str | None, str | None, int | None, str | None] | None:
        """Id, title, country, year and tier of the cached report for `key`, without loading it."""
        row = self._row("report_id, title, country, year, tier", key)
        return tuple(row) if row else None  # type: ignore[return-value]

    def get(self, key: tuple[str, int, int, str]) -> Report | None:
        """The cached report for `key`, or None (also when the entry is unreadable)."""
        row = self._row("blob", key)
        if row is None:
            return None
        try:
            report = pickle.loads(row[0])
        except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, IndexError):
            self._rebuild()
            return None
        return report if isinstance(report, Report) else None

    def _row(self, columns: str, key: tuple[str, int, int, str]) -> tuple[object, ...] | None:
        if self._db is None:
            return None
        try:
            with self._lock:
                return self._db.execute(  # type: ignore[no-any-return]
                    f"SELECT {columns} FROM reports WHERE path=? AND size=? AND mtime=? AND digest=? "
                    "AND version=? AND schema=?",
                    (*key, __version__, _SCHEMA),
                ).fetchone()
        except sqlite3.DatabaseError:
            self._rebuild()
            return None

    def put(self, key: tuple[str, int, int, str], report: Report) -> None:
        """Store `report` under `key`, replacing older entries for the same path."""
        if self._db is None:
            return
        blob = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with self._lock:
                self._db.execute("BEGIN")  # one transaction: older entries go as this one comes
                try:
                    self._db.execute("DELETE FROM reports WHERE path=?", (key[0],))
                    self._db.execute(
                        "INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*key, __version__, _SCHEMA, *_facts(report), blob),
                    )
                finally:
                    self._db.execute("COMMIT")
        except sqlite3.DatabaseError:
            self._rebuild()
        except OSError as error:
            self.problem = f"the cache could not be written ({error.strerror or error})"

    def _rebuild(self) -> None:
        with self._lock:
            if self._db is not None:
                try:
                    self._db.close()
                except sqlite3.Error:
                    pass
            self._discard()
            self._db = self._open()

    def index_path(self, entries: Sequence[Entry]) -> Path:
        """Where the search index of exactly these entries' reports is kept."""
        digest = hashlib.sha256(f"{__version__}/{_SCHEMA}".encode())
        for entry in sorted(entries, key=lambda e: e.id):
            digest.update(entry.id.encode("utf-8", "surrogatepass") + b"\0" + entry.digest.encode())
        return self.path.parent / "indexes" / f"{digest.hexdigest()[:32]}.sqlite"

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()
            self._db = None


def cached_index(entries: Sequence[Entry], cache: ReportCache | None) -> SearchIndex:
    """The search index of `entries`, from the cache when it holds one, else built (and kept).

    A damaged index file is rebuilt; a cache that cannot be written is only skipped.
    """
    from tipbrowser.search import SearchIndex

    if cache is None or cache.problem:
        return SearchIndex.build(e.report() for e in entries)
    path = cache.index_path(entries)
    if path.exists():
        try:
            with closing(sqlite3.connect(path)) as source:
                return SearchIndex.restore(source)
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)
    index = SearchIndex.build(e.report() for e in entries)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with closing(sqlite3.connect(partial)) as target:
            index.save(target)
        os.replace(partial, path)
        _prune(path.parent)
    except (OSError, sqlite3.Error) as error:
        cache.problem = f"the search index could not be cached ({error})"
    return index


def _prune(folder: Path) -> None:
    kept = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in kept[_KEPT_INDEXES:]:
        stale.unlink(missing_ok=True)
