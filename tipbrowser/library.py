"""Many reports at once: finding narratives in folders, loading them through a cache, skipping what cannot be read."""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tipbrowser import __version__
from tipbrowser.errors import NotFoundError, TipBrowserError
from tipbrowser.model import Report
from tipbrowser.parser import parse_text
from tipbrowser.reader import DEFAULT_MAX_BYTES, read_path
from tipbrowser.text import visible

__all__ = ["Skipped", "Loaded", "ReportCache", "discover", "iter_load", "load_reports", "default_cache_path"]

_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not opened, and why, in one line."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{visible(str(self.path))}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Loaded:
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


def iter_load(
    files: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES, cache: ReportCache | None = None
) -> Iterator[Report | Skipped]:
    """Read and parse each file in turn, yielding its report or the reason it was skipped."""
    ids: dict[str, Path] = {}
    for path in files:
        try:
            report = _load(path, max_bytes, cache)
        except TipBrowserError as error:
            problem = getattr(error, "problem", str(error))
            yield Skipped(path, problem)
            continue
        if report.id in ids:
            yield Skipped(path, f"the same report ({report.id}) is already open from {visible(str(ids[report.id]))}")
            continue
        ids[report.id] = path
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


def _load(path: Path, max_bytes: int, cache: ReportCache | None) -> Report:
    decoded = read_path(path, max_bytes=max_bytes)
    if cache is None:
        return parse_text(decoded.text, encoding=decoded.encoding, source=str(path))
    digest = hashlib.sha256(decoded.text.encode("utf-8", "surrogatepass")).hexdigest()
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, digest)
    report = cache.get(key)
    if report is None or report.source != str(path):
        report = parse_text(decoded.text, encoding=decoded.encoding, source=str(path))
        cache.put(key, report)
    return report


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
                db.execute(
                    "CREATE TABLE IF NOT EXISTS reports (path TEXT, size INTEGER, mtime INTEGER, "
                    "digest TEXT, version TEXT, schema INTEGER, blob BLOB, "
                    "PRIMARY KEY (path, size, mtime, digest, version, schema))"
                )
                db.execute("SELECT count(*) FROM reports").fetchone()
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

    def get(self, key: tuple[str, int, int, str]) -> Report | None:
        """The cached report for `key`, or None (also when the entry is unreadable)."""
        if self._db is None:
            return None
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT blob FROM reports WHERE path=? AND size=? AND mtime=? AND digest=? "
                    "AND version=? AND schema=?",
                    (*key, __version__, _SCHEMA),
                ).fetchone()
            if row is None:
                return None
            report = pickle.loads(row[0])
            return report if isinstance(report, Report) else None
        except (sqlite3.DatabaseError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            self._rebuild()
            return None

    def put(self, key: tuple[str, int, int, str], report: Report) -> None:
        """Store `report` under `key`, replacing older entries for the same path."""
        if self._db is None:
            return
        blob = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with self._lock:
                self._db.execute("DELETE FROM reports WHERE path=?", (key[0],))
                self._db.execute(
                    "INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*key, __version__, _SCHEMA, blob),
                )
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

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()
            self._db = None
