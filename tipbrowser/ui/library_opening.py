"""Opening many reports before the app starts: the first readable one at once, a plan for the rest."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tipbrowser.bundled import bundled_path
from tipbrowser.errors import UsageError
from tipbrowser.model import Report
from tipbrowser.reader import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from tipbrowser.library import Entry, ReportCache, Skipped

__all__ = ["Opening", "open_paths", "skipped_summary"]


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
    from tipbrowser.library import ReportCache, Skipped, discover, open_report, scan

    if not paths or (len(paths) == 1 and not Path(paths[0]).is_dir()):
        path = Path(paths[0]) if paths else bundled_path()
        cache = ReportCache() if use_cache else None
        return Opening(open_report(path, max_bytes=max_bytes, cache=cache), cache=cache)

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
