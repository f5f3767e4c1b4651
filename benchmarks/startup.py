"""Start-up benchmark: process start to the first frame showing the bundled report.

Runs the reader and a bare Textual app that shows one static line, alternately and
several times each, two ways:

- in a detached tmux session, polling `tmux capture-pane` until the expected text is on
  screen (wall time, what a user waits; noisy on a busy machine);
- headless, each process printing the CPU time it used up to the first screen update
  holding that text (steadier when other work shares the machine);
- with `--instructions`, also the headless processes once each under valgrind's callgrind,
  counting the machine instructions up to that first frame: the same to 0.1% from run to
  run, however busy the machine (needs `valgrind`; about a minute).

Prints the medians and their ratios (goal: within 1.3x).

    uv run python benchmarks/startup.py [--runs 7] [--size 120x40] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
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

HEADLESS = """
import os
import time
from textual.app import App
{setup}

_display = App._display


def display(self, screen, renderable):
    # The first update whose text holds the expected line is the first frame showing it.
    if renderable is not None and hasattr(renderable, "render_segments"):
        if {expected!r} in renderable.render_segments(self.console):
            print(time.process_time(), flush=True)  # user + system, finer than os.times' 10 ms ticks
            os._exit(0)
    return _display(self, screen, renderable)


App._display = display
app.run(headless=True, size=({width}, {height}))
"""

HEADLESS_SETUP = {
    "bare textual app": BARE_APP.replace("Bare().run()", "app = Bare()"),
    "tipbrowser (bundled report)": "from tipbrowser.ui.app import make_app\napp = make_app()",
}

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


def cpu_to_first_frame(setup: str, expected: str, size: tuple[int, int]) -> float:
    """CPU seconds a headless process used from its start to its first frame showing `expected`."""
    code = HEADLESS.format(setup=setup, expected=expected, width=size[0], height=size[1])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return float(done.stdout.strip().splitlines()[-1])


def instructions_to_first_frame(setup: str, expected: str, size: tuple[int, int]) -> int:
    """Machine instructions a headless process ran from its start to its first frame showing `expected`."""
    code = HEADLESS.format(setup=setup, expected=expected, width=size[0], height=size[1])
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError("valgrind printed no instruction count:\n" + done.stderr[-500:])
    return int(found.group(1))


def _report(title: str, times: dict[str, list[float]], unit: str) -> None:
    medians = {name: statistics.median(values) for name, values in times.items()}
    baseline = medians["bare textual app"]
    print(title)
    for name, values in times.items():
        spread = f"{min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms"
        print(f"  {name:<30} {medians[name] * 1000:7.0f} ms {unit} ({spread})  {medians[name] / baseline:.2f}x")


def main() -> int:
    """Measure both apps alternately and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--instructions", action="store_true", help="also count instructions under valgrind")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (apt-get install valgrind)")
    size = tuple(int(part) for part in args.size.split("x"))
    # Users' Pythons keep compiled bytecode; an environment that forbids writing it would
    # time compiling every module of both apps from source on every run instead.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for command, text in CASES.values():  # warm the caches (bytecode, page cache) once
        time_to_text(command, text, size)  # type: ignore[arg-type]
    times: dict[str, list[float]] = {name: [] for name in CASES}
    cpu: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.runs):
        for name, (command, text) in CASES.items():
            times[name].append(time_to_text(command, text, size))  # type: ignore[arg-type]
            cpu[name].append(cpu_to_first_frame(HEADLESS_SETUP[name], text, size))  # type: ignore[arg-type]
    _report(f"first frame at {args.size}, median of {args.runs} runs, tmux capture-pane polling:", times, "wall")
    _report("the same, headless, CPU time of the process up to its first frame:", cpu, "cpu ")
    if args.instructions:
        counts = {name: instructions_to_first_frame(HEADLESS_SETUP[name], text, size) for name, (_, text) in CASES.items()}  # type: ignore[arg-type]
        baseline = counts["bare textual app"]
        print("the same, headless, machine instructions up to the first frame (valgrind callgrind):")
        for name, count in counts.items():
            print(f"  {name:<30} {count / 1e6:9.1f} M  {count / baseline:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
