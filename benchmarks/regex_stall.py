"""How long a catastrophic regex stalls another thread (the UI) while regex mode runs it.

    uv run python benchmarks/regex_stall.py

A thread ticks every millisecond while `(a|aa)+$` runs against 5,000 a's with a 0.5 s
timeout, once holding the interpreter (the regex package's default) and once with
`concurrent=True`, as tipbrowser runs it. Goal: the UI thread stalls under 100 ms.
"""

from __future__ import annotations

import threading
import time

import regex


def longest_stall(concurrent: bool) -> float:
    """The longest gap between the ticking thread's ticks while the pattern runs."""
    compiled = regex.compile("(a|aa)+$", regex.IGNORECASE)
    gaps: list[float] = []
    done, ticking = threading.Event(), threading.Event()

    def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
            if len(gaps) > 5:
                ticking.set()

    thread = threading.Thread(target=ticker)
    thread.start()
    ticking.wait(5)
    try:
        list(compiled.finditer("a" * 5000 + "b", concurrent=concurrent, timeout=0.5))
    except TimeoutError:
        pass
    done.set()
    thread.join()
    return max(gaps)


if __name__ == "__main__":
    for concurrent in (False, True):
        label = "concurrent=True (tipbrowser)" if concurrent else "default (holds the interpreter)"
        print(f"{label:<34} longest stall {longest_stall(concurrent) * 1000:7.1f} ms")
