"""Keystroke to visible search results in the app, against a bare Textual Input, at 5 MB.

Opens a folder of 190 generated narratives (about 5 MB, `benchmarks/corpus.py`) in the
reader inside a detached tmux session, opens the search bar and types queries one key at
a time with `tmux send-keys`; after each key it polls `tmux capture-pane` until the bar
shows the typed text together with the hit count the engine gives for it (worked out
beforehand in this process, so a stale count never passes). Keys after which the count
does not change are typed but not timed (the echo alone would pass). The floor is a bare
Textual app holding one focused `Input`, timed from the key to its echo the same way, in
the same run, alternating with the reader query by query.

Also prints the engine's own time for the same prefixes: per key, the ranked list the
count comes from (all the app asks while keys keep coming), and, once typing pauses, the
matches in the report on view for the highlights.

    uv run python benchmarks/search_ui.py [--rounds 2] [--count 190]
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate  # noqa: E402
from tipbrowser.library import discover  # noqa: E402
from tipbrowser.parser import parse_path  # noqa: E402
from tipbrowser.query import as_typed  # noqa: E402
from tipbrowser.search import COUNT_LIMIT, SearchIndex  # noqa: E402
from tipbrowser.ui.search_controller import LIST_LIMIT  # noqa: E402
from tipbrowser.ui.search_rows import count_label  # noqa: E402

BARE_INPUT = """
from textual.app import App
from textual.widgets import Input, Static

class Bare(App):
    def compose(self):
        yield Static("bare input ready")
        yield Input(id="q")

    def on_mount(self):
        self.query_one(Input).focus()

Bare().run()
"""

QUERIES = ("forced labor", "shelter", "prosecuted", "victims identified", "labour inspectorate", "hotline")
SIZE = (160, 48)


class Pane:
    """A command running in its own tmux server, at a fixed size."""

    def __init__(self, command: list[str]) -> None:
        self.socket = f"tipsearch-{uuid.uuid4().hex[:8]}"
        width, height = SIZE
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), shlex.join(command))

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False).stdout

    def lines(self) -> list[str]:
        """The rows on screen."""
        return self._tmux("capture-pane", "-p").splitlines()

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Send keys (`literal`: as text)."""
        self._tmux("send-keys", *(["-l"] if literal else []), *keys)

    def wait(self, shown: Callable[[list[str]], bool], timeout: float = 60.0) -> None:
        """Return once `shown(lines)` holds."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if shown(self.lines()):
                return
            time.sleep(0.003)
        raise RuntimeError(f"not shown within {timeout} s:\n" + "\n".join(self.lines()[-5:]))

    def close(self) -> None:
        """Stop the tmux server."""
        self._tmux("kill-server")


def expected_labels(index: SearchIndex, query: str) -> list[str]:
    """The bar's count for each prefix of `query`, as the app would show it."""
    return [count_label(index.search(as_typed(query[:n]), limit=LIST_LIMIT), 0) for n in range(1, len(query) + 1)]


def _has(text: str, label: str):  # type: ignore[no-untyped-def]
    """A test of the screen: one row (the bar) shows both the typed text and the count."""
    return lambda lines: any(text in line and label in line for line in lines)


def _listed(text: str, label: str):  # type: ignore[no-untyped-def]
    """A test of the screen: the Search tab's count line (a row without the typed text) shows the count."""
    return lambda lines: any(label in line and text not in line for line in lines)


def type_in_reader(pane: Pane, query: str, labels: list[str], listed: list[float]) -> list[float]:
    """Type `query` into the open bar; seconds to the right count for each key whose count changes.

    After the last key, also the seconds until the Search tab lists the hits (appended to `listed`).
    """
    times = []
    previous = ""
    for n, char in enumerate(query, 1):
        label = labels[n - 1]
        start = time.perf_counter()
        pane.keys(char, literal=True)
        pane.wait(_has(query[:n], label))
        if label != previous:
            times.append(time.perf_counter() - start)
        previous = label
        if n == len(query):
            pane.wait(_listed(query, label.split(" (")[0]))
            listed.append(time.perf_counter() - start)
    pane.keys("C-u")
    pane.wait(lambda lines: any('words, "a phrase"' in line for line in lines))
    return times


def type_in_bare(pane: Pane, query: str) -> list[float]:
    """Type `query` into the bare Input; seconds to each echo."""
    times = []
    for n, char in enumerate(query, 1):
        start = time.perf_counter()
        pane.keys(char, literal=True)
        pane.wait(lambda lines, text=query[:n]: any(text in line for line in lines))
        times.append(time.perf_counter() - start)
    pane.keys("C-u")
    pane.wait(lambda lines: not any(query in line for line in lines))
    return times


def engine_times(index: SearchIndex, report_id: str, queries: tuple[str, ...]) -> tuple[list[float], list[float]]:
    """Seconds per prefix for the query the app runs per key, and for its matches in one report."""
    per_key, matches = [], []
    for query in queries:
        for n in range(1, len(query) + 1):
            typed = as_typed(query[:n])  # as the bar reads a query being typed
            start = time.perf_counter()
            index.search(typed, limit=LIST_LIMIT)
            middle = time.perf_counter()
            index.search(typed, limit=COUNT_LIMIT, ranked=False, report_ids=[report_id])
            per_key.append(middle - start)
            matches.append(time.perf_counter() - middle)
    return per_key, matches


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def main() -> int:
    """Generate the corpus, time both apps, print p50/p95 and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--count", type=int, default=190)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.count)
        reports = [parse_path(path) for path in discover([Path(folder)])]
        megabytes = sum(len(report.text.encode()) for report in reports) / 1e6
        index = SearchIndex.build(reports)
        labels = {query: expected_labels(index, query) for query in QUERIES}
        engine, matches = engine_times(index, reports[0].id, QUERIES * args.rounds)
        reader = Pane([sys.executable, "-m", "tipbrowser", folder])
        bare = Pane([sys.executable, "-c", BARE_INPUT])
        try:
            bare.wait(lambda lines: any("bare input ready" in line for line in lines))
            reader.wait(lambda lines: any("Government of" in line for line in lines))
            reader.keys("/")
            reader.wait(lambda lines: any('words, "a phrase"' in line for line in lines))
            warm = QUERIES[0]
            reader.keys(warm, literal=True)  # waits for the whole library to be loaded and indexed
            reader.wait(_has(warm, labels[warm][-1]), timeout=120)
            reader.keys("C-u")
            time.sleep(3)  # the stems of every word are learnt in the background after indexing
            app_times: list[float] = []
            floor: list[float] = []
            listed: list[float] = []
            for _ in range(args.rounds):
                for query in QUERIES:
                    floor += type_in_bare(bare, query)
                    app_times += type_in_reader(reader, query, labels[query], listed)
        finally:
            reader.close()
            bare.close()
    print(f"keystroke to visible results, {len(reports)} narratives ({megabytes:.1f} MB), {SIZE[0]}x{SIZE[1]}, tmux polling:")
    for name, values in (("bare Textual Input (echo)", floor), ("tipbrowser search (count)", app_times)):
        print(f"  {name:<28} p50 {_p(values, 0.5):6.1f} ms  p95 {_p(values, 0.95):6.1f} ms  ({len(values)} keys)")
    print(f"  {'tipbrowser Search tab (list)':<28} p50 {_p(listed, 0.5):6.1f} ms  p95 {_p(listed, 0.95):6.1f} ms"
          f"  ({len(listed)} last keys of a query; the list waits for a pause in typing)")
    print(f"  ratio to the floor          p50 {_p(app_times, 0.5) / _p(floor, 0.5):.2f}x  p95 {_p(app_times, 0.95) / _p(floor, 0.95):.2f}x")
    print(f"engine per key (the ranked list): p50 {_p(engine, 0.5):.1f} ms, p95 {_p(engine, 0.95):.1f} ms;"
          f" once typing pauses (the report's matches): p50 {_p(matches, 0.5):.1f} ms, p95 {_p(matches, 0.95):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
