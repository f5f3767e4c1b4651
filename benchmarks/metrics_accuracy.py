"""Metrics accuracy and speed: precision and recall against the expected fixtures, and timing.

Accuracy compares what `extract_metrics` finds with the hand-written expectations in
`tests/fixtures/metrics/*.expected.json` (figures marked "missed" count against recall).
A figure matches when its name, value and subset agree. "Headline" figures are the standard
names (investigations, prosecutions, convictions, victims identified and assisted, funding,
shelters, hotline calls, reflection periods, residence permits, sentences, penalties) that
are not subsets; "all" covers every figure, `other` included.

Speed is extraction time for one narrative as a ratio of parsing the same narrative, both
measured in this run as CPU time (the best of several repeats, interleaved), so the figure
holds on any machine and under load from other processes.

    uv run python benchmarks/metrics_accuracy.py [--repeat 30] [NAME ...]

NAMEs (such as `arvenia-2009`) limit the accuracy table to those fixtures, so narratives added
unseen can be scored on their own before anything is tuned on them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tipbrowser.bundled import bundled_path  # noqa: E402
from tipbrowser.metrics import HEADLINE_NAMES, Metric, extract_metrics  # noqa: E402
from tipbrowser.parser import parse_path  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "metrics"

Key = tuple[str, str, str | None]


def _value_key(value: Any) -> str:
    if isinstance(value, dict):
        return f"{value['min']:g}-{value['max']:g}"
    if hasattr(value, "min"):
        return f"{value.min:g}-{value.max:g}"
    return f"{value:g}"


def _expected(path: Path) -> tuple[Path, list[Key]]:
    data = json.loads(path.read_text("utf-8"))
    narrative = FIXTURES / f"{data['report']}.txt"
    if not narrative.exists():
        narrative = bundled_path()
    keys = [(m["name"], _value_key(m["value"]), m.get("subset")) for m in data["metrics"]]
    return narrative, keys


def _found(metrics: tuple[Metric, ...]) -> list[Key]:
    return [(m.name, _value_key(m.value), m.subset) for m in metrics]


def _headline(keys: list[Key]) -> list[Key]:
    return [k for k in keys if k[0] in HEADLINE_NAMES and k[2] is None]


def _score(expected: list[Key], found: list[Key]) -> tuple[int, int, int]:
    matched = sum((Counter(expected) & Counter(found)).values())
    return matched, len(found), len(expected)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "   n/a"


def accuracy(names: list[str]) -> None:
    """Print precision and recall per fixture (those in `names`, or all) and in total."""
    totals = {"headline": [0, 0, 0], "all": [0, 0, 0]}
    print(f"{'narrative':<18} {'scope':<9} {'precision':>9} {'recall':>7}  matched/found/expected")
    for path in sorted(FIXTURES.glob("*.expected.json")):
        if names and path.name.split(".")[0] not in names:
            continue
        narrative, expected = _expected(path)
        found = _found(extract_metrics(parse_path(narrative)))
        for scope, pick in (("headline", _headline), ("all", lambda keys: keys)):
            matched, n_found, n_expected = _score(pick(expected), pick(found))
            for index, number in enumerate((matched, n_found, n_expected)):
                totals[scope][index] += number
            print(f"{path.name.split('.')[0]:<18} {scope:<9} {_ratio(matched, n_found):>9} "
                  f"{_ratio(matched, n_expected):>7}  {matched}/{n_found}/{n_expected}")
    for scope, (matched, n_found, n_expected) in totals.items():
        print(f"{'TOTAL':<18} {scope:<9} {_ratio(matched, n_found):>9} {_ratio(matched, n_expected):>7}  "
              f"{matched}/{n_found}/{n_expected}")


def speed(repeat: int) -> None:
    """Print extraction time as a ratio of parse time for the bundled narrative."""
    path = bundled_path()
    report = parse_path(path)

    parse_times, extract_times = [], []
    for _ in range(repeat):
        start = time.process_time()
        parse_path(path)
        middle = time.process_time()
        extract_metrics(report, cache=False)
        parse_times.append(middle - start)
        extract_times.append(time.process_time() - middle)
    parse, extract = min(parse_times), min(extract_times)
    print(f"\nbundled narrative: parse {parse * 1000:.2f} ms (baseline), extract_metrics "
          f"{extract * 1000:.2f} ms = {extract / parse:.2f}× parse")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30, help="timing repeats (the best is kept)")
    parser.add_argument("names", nargs="*", metavar="NAME", help="fixtures to score (default: all)")
    args = parser.parse_args()
    accuracy(args.names)
    speed(args.repeat)


if __name__ == "__main__":
    main()
