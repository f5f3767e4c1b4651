"""Parse speed: the bundled report and hostile inputs, against baselines in the same run.

For the bundled 2025 Norway narrative, prints the median CPU time of `parse_text` over many
runs next to two baselines measured in the same run: reading the file, and a minimal pass
over the text (`text.split("\\n")` plus one sentence-end regex). The design budget is
parse + analyse under 20 ms; parsing alone should stay near 8 ms or below.

Then the worst cases a user might open — a 5 MB single line, a 2 MB word, many short
lines, a long bulleted list — each as seconds and as a ratio to the minimal pass over the
same text, so a rule that turns quadratic shows up as a ratio in the thousands.

    uv run python benchmarks/parse.py [--repeat 200] [--skip-stress]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tipbrowser.bundled import bundled_path  # noqa: E402
from tipbrowser.parser import parse_text  # noqa: E402

_SENTENCE_END = re.compile(r"[.!?]\s")


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median process time of `action` in milliseconds (CPU time: a busy machine skews it less)."""
    action()  # warm caches and compiled patterns
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _minimal_pass(text: str) -> int:
    """The least any parser must do: split the lines and look once for sentence ends."""
    return len(text.split("\n")) + len(_SENTENCE_END.findall(text))


def _stress_cases() -> dict[str, str]:
    sentence = "Officials in the region opened several cases during the year. "
    bundled = bundled_path().read_text(encoding="utf-8")
    return {
        "5 MB single line of prose": (sentence * (5_000_000 // len(sentence) + 1))[:5_000_000],
        "5 MB line, bundled report joined": (bundled.replace("\n", " ") * 200)[:5_000_000],
        "2 MB word": "x" * 2_000_000,
        "2 MB of full stops": "." * 2_000_000,
        "400,000 short lines": "Short line.\n" * 400_000,
        "100,000 bullet items": "PRIORITIZED RECOMMENDATIONS:\n" + "  • Fund shelters; train police.\n" * 100_000,
        "bundled report x 100": bundled * 100,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200, help="runs per measurement (default 200)")
    parser.add_argument("--skip-stress", action="store_true", help="only the bundled report")
    args = parser.parse_args(argv)

    path = bundled_path()
    text = path.read_text(encoding="utf-8")
    read = _median_ms(lambda: path.read_text(encoding="utf-8"), args.repeat)
    minimal = _median_ms(lambda: _minimal_pass(text), args.repeat)
    parse = _median_ms(lambda: parse_text(text), args.repeat)
    print(f"bundled report ({len(text):,} characters), median of {args.repeat} runs, CPU time:")
    print(f"  read the file        {read:7.3f} ms")
    print(f"  minimal pass         {minimal:7.3f} ms")
    print(f"  parse_text           {parse:7.3f} ms   {parse / read:6.1f}x reading, {parse / minimal:6.1f}x the minimal pass")
    if args.skip_stress:
        return 0
    print("hostile inputs, one run each:")
    for name, sample in _stress_cases().items():
        base = _median_ms(lambda: _minimal_pass(sample), 3) / 1000
        start = time.process_time()
        parse_text(sample)
        took = time.process_time() - start
        print(f"  {name:34s} {took:6.2f} s   {took / base:8.1f}x the minimal pass")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
