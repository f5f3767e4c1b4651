"""Library in the app: process start to the first report on screen, and to every report loaded and indexed.

Opens a folder of generated narratives (`corpus.py`) in the reader, headless, three ways —
cold with an empty cache, again from that cache, and with `--no-cache` — and a bare Textual
app showing one line as the baseline, alternately, several times each. Each child prints a
line at its first frame showing the first report's title and another once every report is
loaded and search holds the index of all of them; this script times those lines from the
moment it started the process (wall time). Then, in this process, how long a `j` key takes to
scroll the text while a library loads cold, against the same keys on an idle reader.

    uv run python benchmarks/library_ui.py [--count 190] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from tipbrowser.parser import parse_path  # noqa: E402

CHILD = """
import sys
from textual.app import App
{setup}

_display = App._display
_shown = []


def display(self, screen, renderable):
    if not _shown and renderable is not None and hasattr(renderable, "render_segments"):
        if {expected!r} in renderable.render_segments(self.console):
            _shown.append(True)
            print("first", flush=True)
    return _display(self, screen, renderable)


App._display = display


async def finish(pilot):
    while not _shown:
        await pilot.pause(0.01)
    {wait}
    print("loaded", flush=True)
    app.exit()


app.run(headless=True, size=(120, 40), auto_pilot=finish)
"""

BARE = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("bare textual app ready")


app = Bare()
"""

WAIT_LIBRARY = """while not (app.library is not None and not app.library.loading
           and app.reading.search.index is app.library.index):
        await pilot.pause(0.01)"""


def run_child(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting the child to its "first" and "loaded" lines."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
    marks: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - start)
    if child.wait(timeout=120) != 0 or set(marks) != {"first", "loaded"}:
        raise RuntimeError(f"the child failed (exit {child.returncode}, lines {sorted(marks)})")
    return marks["first"], marks["loaded"]


def key_latencies(paths: list[str], keys: int = 40) -> list[float]:
    """Seconds from a `j` key event to the text having scrolled, while a library loads cold.

    With one report nothing loads, so it measures the same keys on an idle app (the baseline).
    """
    import asyncio

    from textual import events

    from tipbrowser.ui.app import make_app

    async def measure() -> list[float]:
        app = make_app(paths)
        found: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            document = app.reading.document
            while len(found) < keys and (len(paths) == 1 or app.library.loading):  # type: ignore[union-attr]
                before, start = document.scroll_y, time.perf_counter()
                app.post_message(events.Key("j", "j"))
                while document.scroll_y == before and time.perf_counter() - start < 2:
                    await asyncio.sleep(0.001)
                found.append(time.perf_counter() - start)
                await asyncio.sleep(0.05)
        return found

    return asyncio.run(measure())


def main() -> int:
    """Generate the corpus, time each way alternately, print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=190)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tipbrowser-library-ui-"))
    try:
        folder = work / "narratives"
        files = sorted(generate(folder, args.count))
        expected = parse_path(files[0]).display_title[:40]
        print(f"{len(files)} narratives, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB")

        def app_code(no_cache: bool) -> str:
            setup = f"from tipbrowser.ui.app import make_app\napp = make_app([{str(folder)!r}], no_cache={no_cache})"
            return CHILD.format(setup=setup, expected=expected, wait=WAIT_LIBRARY)

        bare = CHILD.format(setup=BARE, expected="bare textual app ready", wait="pass")
        env = dict(os.environ)
        times: dict[str, list[tuple[float, float]]] = {
            "bare textual app": [],
            "cold (empty cache)": [],
            "reopen from the cache": [],
            "--no-cache": [],
        }
        run_child(bare, env)  # warm bytecode and the page cache once
        for run in range(args.runs):
            env["XDG_CACHE_HOME"] = str(work / f"cache-{run}")
            times["bare textual app"].append(run_child(bare, env))
            times["cold (empty cache)"].append(run_child(app_code(False), env))
            times["reopen from the cache"].append(run_child(app_code(False), env))
            times["--no-cache"].append(run_child(app_code(True), env))
        floor = statistics.median(first for first, _ in times["bare textual app"])
        print(f"{'':<24} {'first report':>14} {'':>8} {'all loaded':>12} {'':>8}")
        for name, found in times.items():
            first = statistics.median(f for f, _ in found)
            loaded = statistics.median(done for _, done in found)
            print(f"{name:<24} {first * 1000:11.0f} ms {first / floor:6.2f}x {loaded * 1000:9.0f} ms {loaded / floor:6.2f}x")
        print("(ratios against the bare app's first frame, measured in the same run)")
        os.environ["XDG_CACHE_HOME"] = str(work / "cache-keys")
        idle = key_latencies([str(files[0])])
        busy = key_latencies([str(folder)])
        base = statistics.median(idle)
        for name, found in (("key on an idle reader", idle), ("key while loading (cold)", busy)):
            found.sort()
            print(f"{name:<26} median {statistics.median(found) * 1000:6.1f} ms  max {found[-1] * 1000:6.1f} ms  "
                  f"({len(found)} keys, median {statistics.median(found) / base:.1f}x idle)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
