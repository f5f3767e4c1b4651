"""Sentences imposed and penalties prescribed: terms of imprisonment, single or ranges."""

from __future__ import annotations

import re

from tipbrowser.metric_converters import Context, Found, Range, found_at, qualifier_of
from tipbrowser.numbers import parse_number

__all__ = ["PENALTY_WORDS", "term_range", "term_single"]

PENALTY_WORDS = re.compile(r"penalt|punishable|prescrib|criminali[sz]|maximum\s+sentence", re.I)
_SENTENCE_WORDS = re.compile(r"sentenc|imprison|prison|jail|incarcerat", re.I)


def _term_name(ctx: Context) -> str | None:
    if PENALTY_WORDS.search(ctx.sentence):
        return "penalties"
    if _SENTENCE_WORDS.search(ctx.sentence):
        return "sentences"
    return None


def _unit(match: re.Match[str]) -> str:
    unit = match.group("unit").lower()
    return unit if unit.endswith("s") else unit + "s"


def term_range(match: re.Match[str], ctx: Context) -> list[Found]:
    name = _term_name(ctx)
    low, high = parse_number(match.group("low")), parse_number(match.group("high"))
    if name is None or low is None or high is None:
        return []
    low_unit = match.group("lowunit") or ""
    extra = parse_number(match.group("lowextra")) if match.group("lowextra") else None
    if extra is not None and low_unit.startswith("year"):
        low = round(low + extra / 12, 2)  # "two years and six months"
    if low_unit.startswith("month") and _unit(match) == "years":
        low = round(low / 12, 2)
    high_extra = parse_number(match.group("highextra")) if match.group("highextra") else None
    if high_extra is not None and _unit(match) == "years":
        high = round(high + high_extra / 12, 2)
    if low > high:
        return []
    return [
        Found(name, Range(low, high), match.start("low"), match.end("highextra" if high_extra else "high"), unit=_unit(match),
              qualifier=qualifier_of(match), applies_to=_applies(match))
    ]


def term_single(match: re.Match[str], ctx: Context) -> list[Found]:
    name = _term_name(ctx)
    value = parse_number(match.group("value"))
    if name is None or value is None:
        return []
    return [found_at(match, name, value, unit=_unit(match), applies_to=_applies(match))]


def _applies(match: re.Match[str]) -> str | None:
    text = match.groupdict().get("applies")
    if not text:
        return None
    words = " ".join(text.split())
    words = re.sub(r"^(?:crimes|offenses|offences|cases|those|ones)\s+(?:involving|against|of)\s+", "", words)
    return re.sub(r"^(?:an?|the)\s+", "", words) or None
