"""Regular-expression search: patterns compiled safely and run under a time limit."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

import regex

__all__ = ["REGEX_SECONDS", "MAX_PATTERN", "TOO_LONG", "compile_pattern", "pattern_spans", "scan"]

REGEX_SECONDS = 0.5
"""How long a regular expression may run over the whole index before it is stopped."""

MAX_PATTERN = 1000
"""The longest regular expression accepted, in characters."""

TOO_LONG = "The pattern took too long; the hits shown are those found before it was stopped."

Row = TypeVar("Row")


def compile_pattern(pattern: str) -> tuple[regex.Pattern[str] | None, str | None]:
    """The compiled pattern (case-insensitive), or None and a sentence saying why not."""
    if len(pattern) > MAX_PATTERN:
        return None, f"The pattern is longer than {MAX_PATTERN} characters."
    try:
        return regex.compile(pattern, regex.IGNORECASE), None
    except (regex.error, RecursionError, OverflowError, MemoryError, ValueError) as error:
        return None, f"Not a valid pattern: {str(error).splitlines()[0] if str(error) else type(error).__name__}."


def pattern_spans(compiled: regex.Pattern[str], text: str, seconds: float) -> tuple[tuple[int, int], ...]:
    """The non-empty matches of `compiled` in `text`; raises TimeoutError after `seconds`."""
    return tuple(m.span() for m in compiled.finditer(text, concurrent=True, timeout=seconds) if m.end() > m.start())


def scan(
    compiled: regex.Pattern[str], rows: Iterable[tuple[Row, str]], limit: int, offset: int
) -> tuple[int, list[tuple[Row, tuple[tuple[int, int], ...]]], bool]:
    """Count the texts `compiled` matches and keep the window [offset, offset + limit).

    Returns the count, the kept rows with their spans, and whether the scan finished
    within `REGEX_SECONDS` (when it did not, the count is of the texts scanned so far).
    """
    total, kept = 0, []
    deadline = time.monotonic() + REGEX_SECONDS
    try:
        for row, spans in _matching(compiled, rows, deadline):
            if offset <= total < offset + limit:
                kept.append((row, spans))
            total += 1
    except TimeoutError:
        return total, kept, False
    return total, kept, True


def _matching(
    compiled: regex.Pattern[str], rows: Iterable[tuple[Row, str]], deadline: float
) -> Iterator[tuple[Row, tuple[tuple[int, int], ...]]]:
    for row, text in rows:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        spans = pattern_spans(compiled, text, remaining)
        if spans:
            yield row, spans
