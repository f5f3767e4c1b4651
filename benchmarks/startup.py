"""Start-up benchmark: process start to the first frame showing the bundled report.

Runs the reader and a bare Textual app that shows one static line, alternately and
several times each, in a detached tmux session, polling `tmux capture-pane` until the
expected text is on screen. Prints the medians and their ratio (goal: within 1.3x).

    uv run python benchmarks/startup.py [--runs 7] [--size 120x40]
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import time
import uuid

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("bare textual app ready")

Bare().run()
"""

CASES = {
    "bare textual app": ([sys.executable, "-c", BARE_APP], "bare textual app ready"),
    "tipbrowser (bundled report)": ([sys.executable, "-m", "tipbrowser"], "The Government of Norway does not"),
}


def _tmux(socket: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, check=False)


def time_to_text(command: list[str], text: str, size: tuple[int, int], timeout: float = 20.0) -> float:
    """Seconds from starting `command` in a fresh tmux pane until `text` shows in it."""
    socket = f"tipbench-{uuid.uuid4().hex[:8]}"
    width, height = size
    start = time.perf_counter()
    _tmux(socket, "new-session", "-d", "-x", str(width), "-y", str(height), shlex.join(command))
    try:
        while time.perf_counter() - start < timeout:
            shown = _tmux(socket, "capture-pane", "-p").stdout
            if text in shown:
                return time.perf_counter() - start
            time.sleep(0.002)
        raise RuntimeError(f"{text!r} did not appear within {timeout} s")
    finally:
        _tmux(socket, "kill-server")


def main() -> int:
    """Measure both apps alternately and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.split("x"))
    for command, text in CASES.values():  # warm the caches (bytecode, page cache) once
        time_to_text(command, text, size)  # type: ignore[arg-type]
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.runs):
        for name, (command, text) in CASES.items():
            times[name].append(time_to_text(command, text, size))  # type: ignore[arg-type]
    medians = {name: statistics.median(values) for name, values in times.items()}
    baseline = medians["bare textual app"]
    print(f"first frame at {args.size}, median of {args.runs} runs (tmux capture-pane polling)")
    for name, values in times.items():
        spread = f"{min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms"
        print(f"  {name:<30} {medians[name] * 1000:7.0f} ms  ({spread})  {medians[name] / baseline:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
