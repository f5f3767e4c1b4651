"""Regex mode: a catastrophic pattern is aborted; a pattern the engine cannot take gets a sentence.

How long the UI thread stalls meanwhile is measured by `benchmarks/regex_stall.py`.
"""

from __future__ import annotations

import time

import pytest

from tipbrowser.regex_search import compile_pattern, pattern_spans


def test_catastrophic_pattern_is_aborted_with_timeout_error() -> None:
    compiled, problem = compile_pattern("(a|aa)+$")
    assert compiled is not None and problem is None
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        pattern_spans(compiled, "a" * 5000 + "b", 0.2)
    assert time.monotonic() - started < 30  # aborted, not run to the end (that takes ages)


@pytest.mark.parametrize("pattern", ["a{99999999999}", "(" * 5000, "x" * 5000])
def test_patterns_the_engine_cannot_take_give_a_sentence(pattern: str) -> None:
    compiled, problem = compile_pattern(pattern)
    assert compiled is None
    assert problem is not None and problem.endswith(".") and "\n" not in problem
