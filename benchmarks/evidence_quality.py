"""Evidence quality and speed: the linker against plain BM25, on every judged narrative.

For each judgement set in tests/fixtures/evidence (an analyst's core findings and related
context for every recommendation), prints the three figures for the baseline — plain BM25
of each recommendation's words over the body sentences, through the same search index —
and for `link_evidence`, side by side:

  top-3   precision of the first three (core or related counts as relevant; a
          recommendation with fewer than three relevant sentences has that many slots)
  first   recommendations whose first link is a core finding
  core10  share of all core findings that appear in the top ten

A set judged before the linker was first run on it also shows those first, blind figures,
and a last row pools every set but the two the method was developed on.

Then the CPU time to link one narrative (process time, so a busy shared machine skews it
less), as a ratio to parsing it, measured in the same run.

    uv run python benchmarks/evidence_quality.py [--verbose] [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tipbrowser.evidence import Link, link_evidence  # noqa: E402
from tipbrowser.evidence_quality import (  # noqa: E402
    Judgement,
    Quality,
    baseline_rankings,
    link_rankings,
    load_judgements,
    measure,
)
from tipbrowser.parser import parse_path  # noqa: E402
from tipbrowser.search import SearchIndex  # noqa: E402

JUDGED = ROOT / "tests" / "fixtures" / "evidence"
DEVELOPED_ON = {"norway-2025", "marendia-2023"}
TARGET = Quality(top3_precision=0.95, core_first=0, recommendations=0, core_recall_top10=0.90)


def _verdict(quality: Quality) -> str:
    met = (
        quality.top3_precision >= TARGET.top3_precision
        and quality.core_first == quality.recommendations
        and quality.core_recall_top10 >= TARGET.core_recall_top10
    )
    return "meets targets" if met else "below target"


def _explain(links: tuple[Link, ...], judgements: tuple[Judgement, ...]) -> None:
    by_id = {j.recommendation_id: j for j in judgements}
    for link in links:
        judgement = by_id[link.recommendation_id]
        print(f"  {link.recommendation_id.rsplit('/', 1)[-1]}  {link.recommendation[:80]}")
        for evidence in link.evidence:
            mark = "C" if evidence.sentence_id in judgement.core else "r" if evidence.sentence_id in judgement.related else "-"
            short = evidence.sentence_id.split("/", 1)[1]
            print(f"      {mark} {evidence.score:5.3f} {short:<22} {evidence.text[:70]}")
        missing = judgement.core - {e.sentence_id for e in link.evidence}
        if missing:
            print(f"      missing core: {', '.join(sorted(m.split('/', 1)[1] for m in missing))}")


def _timing(repeat: int) -> None:
    report_path = ROOT / "seeds" / "norway-2025.txt"
    parse_times, index_times, link_times = [], [], []
    for _ in range(repeat):
        start = time.process_time()
        report = parse_path(report_path)
        parsed = time.process_time()
        index = SearchIndex.build([report])
        indexed = time.process_time()
        link_evidence(report, index)
        linked = time.process_time()
        parse_times.append(parsed - start)
        index_times.append(indexed - parsed)
        link_times.append(linked - indexed)
    parse_ms = statistics.median(parse_times) * 1000
    index_ms = statistics.median(index_times) * 1000
    link_ms = statistics.median(link_times) * 1000
    print(f"\nbundled report, CPU time, median of {repeat}: parse {parse_ms:.1f} ms (baseline), index {index_ms:.1f} ms "
          f"({index_ms / parse_ms:.1f}x parse), link 8 recommendations {link_ms:.1f} ms ({link_ms / parse_ms:.1f}x parse)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every link, marked C(ore), r(elated) or -")
    parser.add_argument("--repeat", type=int, default=20, help="timing repetitions")
    args = parser.parse_args()
    print(f"{'judgement set':<16} {'':>9}  top-3   first   core10")
    pooled: tuple[dict[str, list[str]], dict[str, list[str]], list[Judgement]] = ({}, {}, [])
    for path in sorted(JUDGED.glob("*.json")):
        report_id, source, judgements = load_judgements(path)
        report = parse_path(ROOT / source)
        index = SearchIndex.build([report])
        links = link_evidence(report, index)
        baseline = measure(baseline_rankings(report, index), judgements)
        ours = measure(link_rankings(links), judgements)
        if report_id not in DEVELOPED_ON:
            pooled[0].update(baseline_rankings(report, index))
            pooled[1].update(link_rankings(links))
            pooled[2].extend(judgements)
        print(f"{report_id:<16} {'baseline':>9}  {baseline.row()}")
        print(f"{'':<16} {'evidence':>9}  {ours.row()}   {_verdict(ours)}")
        blind = json.loads(path.read_text(encoding="utf-8")).get("blind")
        if blind:
            first = Quality(
                blind["top3_precision"], blind["core_first"], blind["recommendations"], blind["core_recall_top10"]
            )
            print(f"{'':<16} {'blind':>9}  {first.row()}   (first run, before any change for it)")
        if args.verbose:
            _explain(links, judgements)
    print(f"{'not developed on':<16} {'baseline':>9}  {measure(pooled[0], pooled[2]).row()}")
    print(f"{'(pooled)':<16} {'evidence':>9}  {measure(pooled[1], pooled[2]).row()}")
    print(f"{'target':<16} {'':>9}  {TARGET.top3_precision:5.2f}   all     {TARGET.core_recall_top10:5.2f}")
    _timing(max(1, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
