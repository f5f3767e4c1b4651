"""Sentences that refer back to the figures before them: comparisons and breakdowns."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from tipbrowser.metric_patterns import build
from tipbrowser.metric_priors import Prior
from tipbrowser.model import Sentence
from tipbrowser.numbers import parse_number

if TYPE_CHECKING:
    from tipbrowser.metrics import Metric

__all__ = ["THIS_COMPARED", "PART_OF", "Part", "compare_back", "find_parts", "parts_back"]

THIS_COMPARED = re.compile(
    r"(?:This|These|That|It|They)\s+(?:figure\s+|number\s+|total\s+)?(?:was\s+|were\s+|is\s+|are\s+)?"
    r"(?:compared|compares|represented|represents|marked|marks)\s+(?:with|to|an?\s+(?:\w+\s+)?(?:increase|decrease|"
    r"decline|rise|drop)\s+from)\b"
)
"""A sentence opening "This compared with …": priors of the figures of the sentence before."""

PART_OF = re.compile(
    r"(?:Of|Among)\s+(?:these|them|those|this\s+(?:number|total)|the\s+(?P<whole>[^,;0-9]{1,60}?|[0-9,]+\s+[^,;]{1,50}?))"
    r"\s*,\s*"
)
"""A sentence opening "Of these," or "Of the 207 confirmed victims,": its counts are parts of a figure before."""

_COUNTED_BACK = build(r"(?P<value><<N>>)(?P<noun>(?:\s+(?!(?:and|or|in|during|with|to|of|for)\b)[A-Za-z][\w’'-]*){0,3})")
_WHEN_BACK = build(
    r"(?:in|during)\s+(?P<year><<Y>>)|(?P<label>(?:the\s+)?(?:previous|prior|last|preceding)\s+(?:reporting\s+)?"
    r"(?:period|year)|the\s+year\s+(?:before|prior)|a\s+year\s+(?:earlier|before))"
)
_PART = build(
    r"(?P<value><<N>>)\s+(?:(?P<noun>convictions?|investigations?|prosecutions?|cases|victims|traffickers|defendants|"
    r"suspects)\s+)?(?:(?:were|was)\s+(?:(?:victims|exploited|identified|convicted|charged|prosecuted|investigated)\s+)?)?"
    r"(?:involved\s+|concerned\s+|related\s+to\s+|for\s+|in\s+|of\s+)(?P<label>[^,;:()0-9]+?)"
    r"(?=\s*(?:[,;.]|$)|\s+and\s+<<N>>)"
)
_NOT_PARTS = frozenset({"sentences", "penalties"})


@dataclasses.dataclass(frozen=True, slots=True)
class Part:
    """One count of a breakdown stated after "Of these,": its label, value and span in the sentence."""

    label: str
    value: int | float
    start: int
    end: int
    noun: str | None


def find_parts(text: str) -> tuple[Part, ...]:
    """The parts "Of these, 13 convictions were for forced labor and five for sex trafficking" states.

    Only a sentence opening with `PART_OF` has parts, and only when it names two or more of them
    in its first clause; children, foreign nationals and other subsets are not parts.
    """
    opening = PART_OF.match(text)
    if opening is None:
        return ()
    clause_end = text.find(";", opening.end())
    parts = []
    for match in _PART.finditer(text, opening.end(), len(text) if clause_end < 0 else clause_end):
        value = parse_number(match.group("value"))
        if value is not None:
            noun = match.group("noun") or opening.group("whole")
            parts.append(Part(" ".join(match.group("label").split()), value, match.start("value"),
                              match.end("value"), noun))
    return tuple(parts) if len(parts) >= 2 else ()


def parts_back(metrics: list[Metric], sentence: Sentence, parts: tuple[Part, ...]) -> None:
    """Give the figure "Of these," refers to the breakdown the sentence states: the last figure
    of the sentence before that counts the same noun, or else its last whole count."""
    previous = _previous(metrics, sentence)
    eligible = [i for i in previous if metrics[i].subset is None and metrics[i].name not in _NOT_PARTS
                and not metrics[i].breakdown]
    if not eligible or not parts:
        return
    noun = _head(parts[0].noun or "")
    named = [i for i in eligible if noun and noun in (_head(metrics[i].unit or ""), _head(metrics[i].name))]
    target = (named or eligible)[-1]
    items = tuple((part.label, part.value) for part in parts)
    metrics[target] = dataclasses.replace(metrics[target], breakdown=items)


def _previous(metrics: list[Metric], sentence: Sentence) -> list[int]:
    """Indexes of the count figures (not money) of the sentence before `sentence`, in its paragraph."""
    paragraph, number = sentence.id.rsplit("/s", 1)
    before = f"{paragraph}/s{int(number) - 1}"
    return [i for i, m in enumerate(metrics) if m.sentence_id == before and m.currency is None]


def compare_back(metrics: list[Metric], sentence: Sentence) -> None:
    """ "This compared with one investigation … during the previous reporting period": priors
    for the figures of the sentence before, matched by their noun, or in order."""
    when = list(_WHEN_BACK.finditer(sentence.text))
    previous = _previous(metrics, sentence)
    if not when or not previous:
        return
    year = int(when[-1].group("year")) if when[-1].group("year") else None
    label = " ".join(when[-1].group("label").split()) if when[-1].group("label") else None
    counts = [
        (m, value)
        for m in _COUNTED_BACK.finditer(sentence.text, 0, when[-1].start())
        if (value := parse_number(m.group("value"))) is not None
    ]
    by_order = len(counts) == len(previous)
    used: set[int] = set()
    for position, (match, value) in enumerate(counts):
        noun = _head(match.group("noun"))
        target = next((i for i in previous if i not in used and noun and _head(metrics[i].unit or "") == noun), None)
        if target is None and by_order:
            target = previous[position]
        if target is not None:
            used.add(target)
            metric = metrics[target]
            stated = metric.year if metric.year is not None or year is None else year + 1
            metrics[target] = dataclasses.replace(metric, prior=(*metric.prior, Prior(year, label, value)), year=stated)


def _head(words: str) -> str:
    """The last word, singular: "trafficking investigations" → "investigation"."""
    last = words.split()[-1].lower() if words.split() else ""
    return last[:-1] if last.endswith("s") else last
