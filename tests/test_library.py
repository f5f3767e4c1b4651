"""Many reports: discovery, loading with skips, and the on-disk cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tipbrowser.errors import NotFoundError
from tipbrowser.library import ReportCache, Skipped, discover, iter_load, load_reports


def _narrative(country: str, year: int) -> str:
    return (
        f"{year} Trafficking in Persons Report: {country}\n\n{country.upper()} (Tier 2)\n\n"
        f"The Government of {country} does not fully meet the minimum standards for the "
        "elimination of trafficking but is making significant efforts to do so.\n\n"
        "PROSECUTION\n\nThe government maintained law enforcement efforts.\n"
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "a.txt").write_text(_narrative("Freedonia", 2024))
    (tmp_path / "2024" / "b.TXT").write_text(_narrative("Sylvania", 2024))
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "a.txt").write_text(_narrative("Freedonia", 2025))
    (tmp_path / "2025" / "notes.md").write_text("not a narrative")
    (tmp_path / "2025" / "broken.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(_narrative("Hidden", 2020))
    return tmp_path


def test_discover_finds_txt_files_recursively_in_order(library: Path) -> None:
    names = [p.relative_to(library).as_posix() for p in discover([library])]
    assert names == ["2024/a.txt", "2024/b.TXT", "2025/a.txt", "2025/broken.txt"]


def test_discover_keeps_explicit_files_and_drops_duplicates(library: Path) -> None:
    notes = library / "2025" / "notes.md"
    assert discover([notes, library / "2024" / "a.txt", library / "2024"])[0] == notes
    assert len(discover([library / "2024", library / "2024" / "a.txt"])) == 2


def test_discover_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such file or folder"):
        discover([tmp_path / "absent"])


def test_bad_files_are_skipped_with_a_reason_not_fatal(library: Path) -> None:
    loaded = load_reports([library])
    assert [r.id for r in loaded.reports] == ["freedonia-2024", "sylvania-2024", "freedonia-2025"]
    assert len(loaded.skipped) == 1
    assert loaded.skipped[0].path.name == "broken.txt"
    assert "binary" in loaded.skipped[0].reason


def test_the_same_report_twice_is_skipped(library: Path) -> None:
    shutil.copy(library / "2024" / "a.txt", library / "2024" / "copy.txt")
    items = list(iter_load(discover([library / "2024"])))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and "already open" in skipped[0].reason


def test_cache_returns_equal_reports_and_is_used(library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ReportCache(tmp_path / "cache" / "reports.sqlite")
    first = load_reports([library], cache=cache)

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again despite the cache")

    monkeypatch.setattr("tipbrowser.parser.parse_text", fail)
    second = load_reports([library], cache=cache)
    assert second.reports == first.reports


def test_cache_misses_when_the_file_changes(library: Path, tmp_path: Path) -> None:
    cache = ReportCache(tmp_path / "c.sqlite")
    load_reports([library / "2024" / "a.txt"], cache=cache)
    (library / "2024" / "a.txt").write_text(_narrative("Freedonia", 2024).replace("maintained", "increased"))
    report = load_reports([library / "2024" / "a.txt"], cache=cache).reports[0]
    assert "increased law enforcement" in report.text


@pytest.mark.parametrize("damage", [b"", b"SQLite format 3\x00" + b"\xff" * 50, b"garbage" * 200])
def test_corrupt_or_truncated_cache_is_rebuilt_silently(library: Path, tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "c.sqlite"
    cache = ReportCache(path)
    load_reports([library], cache=cache)
    cache.close()
    path.write_bytes(damage if damage else path.read_bytes()[:1000])
    rebuilt = ReportCache(path)
    assert len(load_reports([library], cache=rebuilt).reports) == 3
    assert rebuilt.problem is None
    assert len(load_reports([library], cache=rebuilt).reports) == 3


def test_unwritable_cache_steps_aside(library: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = ReportCache(blocker / "sub" / "c.sqlite")
    assert cache.problem is not None
    assert len(load_reports([library], cache=cache).reports) == 3


def test_scan_gives_entries_without_loading_cached_reports(library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tipbrowser.library import Entry, scan

    cache = ReportCache(tmp_path / "c.sqlite")
    first = [e for e in scan(discover([library]), cache=cache) if isinstance(e, Entry)]
    assert [(e.id, e.country, e.year, e.tier) for e in first] == [
        ("freedonia-2024", "Freedonia", 2024, "Tier 2"),
        ("sylvania-2024", "Sylvania", 2024, "Tier 2"),
        ("freedonia-2025", "Freedonia", 2025, "Tier 2"),
    ]
    loads: list[object] = []
    real_get = ReportCache.get
    monkeypatch.setattr(ReportCache, "get", lambda self, key: loads.append(key) or real_get(self, key))
    again = [e for e in scan(discover([library]), cache=cache) if isinstance(e, Entry)]
    assert [e.id for e in again] == [e.id for e in first]
    assert loads == []
    assert again[1].report() == first[1].report()
    assert len(loads) == 1


def test_search_index_is_cached_and_rebuilt_when_damaged(library: Path, tmp_path: Path) -> None:
    from tipbrowser.library import Entry, cached_index, scan

    cache = ReportCache(tmp_path / "c.sqlite")
    entries = [e for e in scan(discover([library]), cache=cache) if isinstance(e, Entry)]
    built = cached_index(entries, cache)
    path = cache.index_path(entries)
    assert path.exists()
    restored = cached_index(entries, cache)
    assert restored.search("efforts").total == built.search("efforts").total > 0
    path.write_bytes(path.read_bytes()[:512])
    rebuilt = cached_index(entries, cache)
    assert rebuilt.search("efforts").total == built.search("efforts").total
    assert cache.index_path(entries[:2]) != path
