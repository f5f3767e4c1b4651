"""Library benchmark: open a year of 190 generated narratives cold, reopen it from the cache, search it.

    uv run python benchmarks/library.py [--count 190] [--runs 5]

Goals (DESIGN.md): cold open with full indexing under 2 s; reopen from the cache under
200 ms; search across all of it at the search targets (p95 < 16 ms). Figures are printed
against a baseline measured in the same run: reading every file's bytes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from tipbrowser.library import Entry, ReportCache, cached_index, discover, scan  # noqa: E402
from tipbrowser.reader import read_bytes  # noqa: E402

QUERIES = ["police", "labor trafficking", '"reflection period"', "shelt*", "victims -child", "section:protection NRM"]


def _timed(work):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def _open(folder: Path, cache: ReportCache | None):  # type: ignore[no-untyped-def]
    entries = [e for e in scan(discover([folder]), cache=cache) if isinstance(e, Entry)]
    index = cached_index(entries, cache)
    entries[0].report()  # the first report is readable
    return entries, index


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=190)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tipbrowser-library-"))
    try:
        folder = work / "narratives"
        files = generate(folder, args.count)
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        print(f"{len(files)} narratives, {megabytes:.1f} MB")
        baseline, cold, warm, full = [], [], [], []
        for run in range(args.runs):
            baseline.append(_timed(lambda: [read_bytes(p) for p in discover([folder])])[0])
            cache_path = work / f"cache-{run}" / "reports.sqlite"
            cold.append(_timed(lambda: _open(folder, ReportCache(cache_path)))[0])
            warm.append(_timed(lambda: _open(folder, ReportCache(cache_path)))[0])
            full.append(_timed(lambda: [e.report() for e in _open(folder, ReportCache(cache_path))[0]])[0])
        floor = statistics.median(baseline)
        for label, times, goal in [
            ("read every file (baseline)", baseline, None),
            ("cold open: parse + index + cache", cold, 2.0),
            ("reopen from cache: entries + index + first report", warm, 0.2),
            ("reopen and load every report", full, None),
        ]:
            median = statistics.median(times)
            verdict = "" if goal is None else ("  goal met" if median < goal else f"  GOAL {goal * 1000:.0f} ms MISSED")
            print(f"{label:<52} {median * 1000:8.1f} ms  {median / floor:6.1f}× baseline{verdict}")
        entries, index = _open(folder, ReportCache(work / "cache-0" / "reports.sqlite"))
        for query in QUERIES:
            times = sorted(_timed(lambda: index.search(query, limit=20))[0] for _ in range(30))
            p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
            print(f"search {query!r:<28} p50 {p50 * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
