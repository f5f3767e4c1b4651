"""Search benchmark: index build time and per-query p50/p95 at about 5 MB and 100 MB.

Generates each corpus deterministically (benchmarks/corpus.py) into a temporary folder,
parses and indexes it, then times single words, phrases, prefixes and multi-word queries,
ranked (top 20, what `search` does) and unranked (`ranked=False`, reading order, for
results while typing). Baselines measured in the same run, on the same sentences: a
minimal FTS5 table (no folding, no stemming) asked for the count and the top 20 by rank, and a plain
`LIKE '%word%'` scan. Goals: p95 under 16 ms at 5 MB and under 50 ms at 100 MB.

    uv run python benchmarks/search.py [--megabytes 5 100] [--repeat 7]
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import count_for, generate  # noqa: E402

from tipbrowser.parser import parse_path  # noqa: E402
from tipbrowser.search import SearchIndex  # noqa: E402

QUERIES = {
    "word": ["trafficking", "victims", "hotline", "fisheries", "prosecution", "shelters", "labour", "Albania"],
    "phrase": ['"forced labor"', '"sex trafficking"', '"minimum standards"', '"temporary work agencies"'],
    "prefix": ["traff*", "vic*", "pros*", "sh*", "emp*", "s*", "t*"],
    "multi-word": [
        "forced labor victims",
        "government shelter funding",
        "police investigated cases",
        "trafficking victims assistance children",
    ],
}
BASELINE_WORDS = ["trafficking", "victims", "hotline", "fisheries", "prosecution", "shelters"]


def build(folder: Path, count: int) -> tuple[SearchIndex, sqlite3.Connection, dict[str, float]]:
    """Generate, parse and index a corpus; also fill the baseline table with its sentences."""
    started = time.perf_counter()
    paths = generate(folder, count)
    size = sum(path.stat().st_size for path in paths)
    generated = time.perf_counter()
    index = SearchIndex()
    baseline = sqlite3.connect(":memory:")
    baseline.execute("CREATE VIRTUAL TABLE plain USING fts5(text)")
    baseline.execute("CREATE TABLE sentences(text TEXT)")
    parse_seconds = index_seconds = 0.0
    for path in paths:
        before = time.perf_counter()
        report = parse_path(path)
        parsed = time.perf_counter()
        index.add(report)
        index_seconds += time.perf_counter() - parsed
        parse_seconds += parsed - before
        texts = [(sentence.text,) for _, _, sentence in report.sentences()]
        baseline.executemany("INSERT INTO plain(text) VALUES (?)", texts)
        baseline.executemany("INSERT INTO sentences(text) VALUES (?)", texts)
    baseline.commit()
    facts = {
        "megabytes": size / 1e6,
        "narratives": len(paths),
        "sentences": len(index),
        "generate_s": generated - started,
        "parse_s": parse_seconds,
        "index_s": index_seconds,
    }
    return index, baseline, facts


def timings(run: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds for `repeat` runs after one warm-up."""
    run()
    found = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        found.append((time.perf_counter() - start) * 1000)
    return found


def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p95 of `values`."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _bare(db: sqlite3.Connection, word: str) -> object:
    """What FTS5 alone does for a query: count the matches and rank the top 20."""
    total = db.execute("SELECT count(*) FROM plain WHERE plain MATCH ?", (word,)).fetchone()
    return total, db.execute("SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 20", (word,)).fetchall()


def measure(index: SearchIndex, baseline: sqlite3.Connection, repeat: int) -> None:
    """Print p50/p95 per kind of query, ranked and unranked, against the baselines."""
    plain: list[float] = []
    like: list[float] = []
    for word in BASELINE_WORDS:
        plain += timings(lambda w=word: _bare(baseline, w), repeat)
        like += timings(
            lambda w=word: baseline.execute(
                "SELECT count(*) FROM sentences WHERE text LIKE ?", (f"%{w}%",)
            ).fetchall(),
            max(1, repeat // 3),
        )
    plain50, plain95 = percentiles(plain)
    like50, like95 = percentiles(like)
    print(f"  baseline bare FTS5: count + top 20 by rank  p50 {plain50:7.2f} ms   p95 {plain95:7.2f} ms")
    print(f"  baseline LIKE '%word%' scan (count)         p50 {like50:7.2f} ms   p95 {like95:7.2f} ms")
    print(f"  {'queries':<12}{'mode':<10}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'p95/bare':>10}{'LIKE/p95':>10}  hits")
    for kind, queries in QUERIES.items():
        for ranked in (True, False):
            values: list[float] = []
            totals = []
            for query in queries:
                values += timings(lambda q=query: index.search(q, ranked=ranked), repeat)
                totals.append(index.search(query).total)
            p50, p95 = percentiles(values)
            mode = "ranked" if ranked else "unranked"
            print(
                f"  {kind:<12}{mode:<10}{p50:9.2f}{p95:9.2f}{max(values):9.2f}"
                f"{p95 / plain95:10.2f}x{like50 / p95:9.1f}x  {min(totals)}–{max(totals)}"
            )


def main() -> int:
    """Run the benchmark at each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, nargs="+", default=[5.0, 100.0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per query (after a warm-up)")
    args = parser.parse_args()
    for megabytes in args.megabytes:
        count = 190 if megabytes == 5.0 else count_for(megabytes)
        with tempfile.TemporaryDirectory(prefix="tipbrowser-search-") as folder:
            index, baseline, facts = build(Path(folder), count)
            print(
                f"\n{facts['megabytes']:.1f} MB: {facts['narratives']} narratives, {facts['sentences']:,} sentences"
                f"  (generate {facts['generate_s']:.1f} s, parse {facts['parse_s']:.1f} s, "
                f"index {facts['index_s']:.2f} s = {1000 * facts['index_s'] / facts['narratives']:.1f} ms a narrative)"
            )
            measure(index, baseline, args.repeat)
            del index, baseline
            gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
