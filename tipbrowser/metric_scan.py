"""Where figures can be in a sentence: its words, its numbers, and where each pattern may match."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tipbrowser.metric_patterns import LEAD, LEAD_LAST_WORDS, MetricPattern
from tipbrowser.numbers import NUMBER, NUMBER_WORDS

__all__ = ["scan", "matches", "leads"]

_WORD = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_NUMBER = re.compile(NUMBER)


def scan(text: str) -> tuple[set[str], list[int]]:
    """The sentence's lower-case words, and where a number (or what leads into one) starts."""
    words = set(_WORD.findall(text.lower()))
    candidates = [m.start() for m in _DIGITS.finditer(text)]
    spelled = words & NUMBER_WORDS
    if spelled:
        candidates += [m.start() for m in _spelled(frozenset(spelled)).finditer(text)]
    starts: list[int] = []
    for start in sorted(candidates):
        if _NUMBER.match(text, start) is None:
            continue
        starts.extend(leads(text, start))
    return words, starts


@functools.lru_cache(maxsize=256)
def _spelled(words: frozenset[str]) -> re.Pattern[str]:
    """A regex finding these number words (a sentence holds few, so this is cached well)."""
    return re.compile(r"\b(?:" + "|".join(sorted(words)) + r")\b", re.IGNORECASE)


def leads(text: str, start: int) -> list[int]:
    """`start`, preceded by where a qualifier or total leading into it starts, if any."""
    before = text[max(0, start - 40) : start].rstrip()
    if before.rsplit(None, 1)[-1:] and before.rsplit(None, 1)[-1].lower() in LEAD_LAST_WORDS:
        lead = LEAD.search(text, max(0, start - 40), start)
        if lead is not None and lead.start() < start:
            return [lead.start(), start]
    return [start]


def matches(pattern: MetricPattern, text: str, numbers: list[int]) -> Iterator[re.Match[str]]:
    """Every match of the pattern, overlapping ones included, tried only where one can start."""
    if pattern.anchored or pattern.first is not None:
        starts = numbers if pattern.anchored else _first_positions(pattern.first, text)  # type: ignore[arg-type]
        for start in starts:
            match = pattern.regex.match(text, start)
            if match is not None:
                yield match
        return
    position = 0
    while (match := pattern.regex.search(text, position)) is not None:
        position = match.start() + 1
        yield match


def _first_positions(first: re.Pattern[str], text: str) -> list[int]:
    """Where `first` matches, and where a qualifier or total leading into it starts."""
    positions: list[int] = []
    for match in first.finditer(text):
        positions.extend(leads(text, match.start()))
    return positions
