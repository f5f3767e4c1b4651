"""Prior values and breakdowns: the parts of a sentence that qualify a figure, found first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipbrowser.metric_converters import Range
from tipbrowser.metric_money import CURRENCY_NOUNS
from tipbrowser.metric_patterns import build
from tipbrowser.numbers import parse_number

__all__ = ["Prior", "Region", "find_priors", "find_breakdowns", "YEAR_IN"]


@dataclass(frozen=True, slots=True)
class Prior:
    """A value the sentence gives for an earlier year or period."""

    year: int | None
    label: str | None
    value: float | int | Range



_LABEL = (
    r"(?:the\s+)?(?:previous|prior|last|preceding)\s+(?:reporting\s+)?(?:period|year)"
    r"|the\s+same\s+period\s+(?:of|in)\s+the\s+previous\s+year|the\s+year\s+(?:before|prior)|a\s+year\s+(?:earlier|before)"
)
_WHEN = r"\s+(?:(?:in|during)\s+(?P<year><<Y>>)|(?:(?:in|during)\s+)?(?P<label>" + _LABEL + "))"
_NOT_WHEN = r"(?!(?:in|during|and)\b|the\s+(?:previous|prior|last|preceding|same|year)\b|a\s+year\b)"
_PRIOR_WORDS = r"(?P<noun>(?:\s+" + _NOT_WHEN.replace("|and", "") + r"(?:[A-Za-z][\w’'\-]*|\([^()]*\))){0,6}?)"
_PAIR_WORDS = r"(?:\s+" + _NOT_WHEN + r"[A-Za-z][\w’'\-]*){0,4}"
_PRIOR_VALUE = r"<<Q>>(?:(?P<dollar>(?:US)?\$|€|£)\s?|(?P<code>[A-Z]{3})\s)?(?P<value><<N>>)"
_PRIOR_PAREN = build(  # "(10 in 2023)", and the first of "(33 in 2021 and 29 in 2020)"
    r"\(\s*" + _PRIOR_VALUE + _PRIOR_WORDS + _WHEN + r"(?=\s*\)|\s*[,;]?\s*(?:and\s+)?<<N>>[^()]*\))"
)
_PRIOR_COMPARED = build(
    r"(?:(?i:compared)\s+(?:with|to)|(?:increase|decrease|decline|drop|rise|reduction|fall|down|up)\s+from|"
    r"versus|vs\.?|(?<=[0-9])\s+from)\s+(?:(?:the|a|an)\s+)?" + _PRIOR_VALUE + _PRIOR_WORDS + _WHEN
)
_PRIOR_PAIR = build(
    r"(?:(?i:compared)\s+(?:with|to)\s+(?:the\s+)?|\(\s*)(?P<value><<N>>)(?P<noun>" + _PAIR_WORDS + r")"
    r"\s+and\s+(?P<value2><<N>>)" + _PAIR_WORDS + _WHEN
)
_PRIOR_LIST = build(
    r"(?i:compared)\s+(?:with|to)\s+(?:the\s+)?(?P<items><<N>>" + _PAIR_WORDS + r"(?:\s*,\s*<<N>>" + _PAIR_WORDS
    + r")+\s*,?\s+and\s+<<N>>" + _PAIR_WORDS + r")" + _WHEN
)
"""Three or more figures compared at once: "compared with 30 investigations, 21 prosecutions, and 11 …"."""
_A_NUMBER = build("<<N>>")
_PRIOR_CLAUSE = build(
    r";\s*(?i:in|during)\s+(?P<year><<Y>>)\s*,\s*(?:it|they|the\s+government|authorities|officials)\s+"
    r"(?:[a-z]+\s+){1,2}?(?P<value><<N>>)(?:\s+[A-Za-z][\w’'-]*){0,3}\s*(?=[.;]|$)"
)
"""A clause giving the figure of an earlier year: "In 2023, … 44 victims; in 2022, they identified 39"."""
_PRIOR_SAME = build(
    r"\bthe\s+same\s+(?:number|amount|level|figure|total)\b(?:\s+(?!(?:in|during)\b)[\w-]+){0,3}?" + _WHEN
)
_PRIOR_PAIR_MORE = build(
    r"\s*,?\s*and\s+(?P<value><<N>>)(?P<noun>" + _PAIR_WORDS + r")\s+and\s+(?P<value2><<N>>)" + _PAIR_WORDS + _WHEN
)
_FIRST_COUNT = build(r"\(\s*(?P<value><<N>>)\s+(?!(?:in|during)\b)(?P<noun>[A-Za-z]+)\b")
_PRIOR_ANY_PAREN = build(r"\((?=[^()]*\b(?:in|during)\s+<<Y>>\s*\))[^()]*\)")
_PRIOR_MORE = build(
    r"\s*[,;]?\s*(?:and\s+|as\s+well\s+as\s+)?" + _PRIOR_VALUE + _PRIOR_WORDS + _WHEN
)
_MONEY_WORDS = re.compile(rf"[$€£]|\b[A-Z]{{3}}\b|\b(?i:{CURRENCY_NOUNS})\b")

_PAREN = re.compile(r"\((?P<inner>[^()]*)\)")
_DASHED = re.compile(r"—(?P<inner>[^—()]*)—")
_ITEM = build(r"^\s*(?:and\s+)?(?P<value><<N>>)\s+(?P<label>[^0-9]+?)\s*$")
_ITEM_SPLIT = build(r"\s*[,;]\s*|\s+and\s+(?=<<N>>)")
YEAR_IN = build(r"(?<!since\s)\b(?:in|during)\s+(?P<year><<Y>>)\b")
_COMPARE_WORDS = frozenset(
    "compared increase decrease decline drop rise reduction fall down up versus vs from".split()
)


@dataclass(slots=True)
class Region:
    """Part of a sentence already accounted for: a prior, a breakdown, an ignored number."""

    start: int
    end: int
    priors: tuple[Prior, ...] = ()
    money: bool = False
    each: tuple[tuple[Prior, ...], ...] = ()
    """When figures before share the comparison ("compared with 9 and 4 in 2022"), the priors of
    each, in order; `priors` are the first's."""
    unit: str | None = None
    """For a loosely read prior, the noun its figure counts: it goes only to a figure of that unit."""
    same: bool = False
    """Whether the prior is "the same number as in 2019": its value is the figure's own."""
    items: tuple[tuple[str, int | float], ...] = ()


def _prior(match: re.Match[str], group: str = "value") -> Prior | None:
    value = parse_number(match.group(group))
    if value is None:
        return None
    year = match.group("year")
    label = match.group("label")
    return Prior(int(year) if year else None, " ".join(label.split()) if label else None, value)


def find_priors(text: str, words: set[str]) -> list[Region]:
    """Every prior value the sentence states ("(10 in 2023)", "compared with 216 … in 2023")."""
    regions: list[Region] = []
    regexes = [_PRIOR_PAREN] if "(" in text else []
    if not _COMPARE_WORDS.isdisjoint(words):
        regexes.append(_PRIOR_COMPARED)
    if "compared" in words:
        for match in _PRIOR_LIST.finditer(text):
            values = [parse_number(m.group()) for m in _A_NUMBER.finditer(match.group("items"))]
            year, label = match.group("year"), match.group("label")
            each = tuple(
                (Prior(int(year) if year else None, " ".join(label.split()) if label else None, value),)
                for value in values if value is not None
            )
            regions.append(Region(match.start(), match.end(), each[0], each=each))
    if "compared" in words or "(" in text:
        for match in _PRIOR_PAIR.finditer(text):
            if any(r.start < match.end() and match.start() < r.end for r in regions):
                continue
            found = [match]
            while (more := _PRIOR_PAIR_MORE.match(text, found[-1].end())) is not None:
                found.append(more)
            firsts = tuple(p for p in (_prior(m) for m in found) if p is not None)
            seconds = tuple(p for p in (_prior(m, "value2") for m in found) if p is not None)
            regions.append(Region(match.start(), found[-1].end(), firsts, each=(firsts, seconds)))
    if "same" in words:
        for match in _PRIOR_SAME.finditer(text):
            year, label = match.group("year"), match.group("label")
            prior = Prior(int(year) if year else None, " ".join(label.split()) if label else None, 0)
            money = "amount" in match.group()
            regions.append(Region(match.start(), match.end(), (prior,), money=money, same=True))
    for regex in regexes:
        for match in regex.finditer(text):
            if any(r.start < match.end() and match.start() < r.end for r in regions):
                continue
            found = [match]
            while (more := _PRIOR_MORE.match(text, found[-1].end())) is not None:
                found.append(more)
            priors = tuple(p for p in map(_prior, found) if p is not None)
            money = any(m.group("dollar") or m.group("code") or _MONEY_WORDS.search(m.group("noun") or "") for m in found)
            regions.append(Region(match.start(), found[-1].end(), priors, bool(money)))
    if ";" in text:  # "…; in 2022, they identified 39."
        for match in _PRIOR_CLAUSE.finditer(text):
            if (value := parse_number(match.group("value"))) is not None:
                regions.append(Region(match.start(), match.end(), (Prior(int(match.group("year")), None, value),)))
    if "(" in text:  # "(19 cases involving 30 suspects in 2020)": claimed; its first figure read if it can be
        for match in _PRIOR_ANY_PAREN.finditer(text):
            if not any(r.start < match.end() and match.start() < r.end for r in regions):
                regions.append(_loose_prior(match))
    return regions


def _loose_prior(match: re.Match[str]) -> Region:
    """A parenthesis of earlier figures: its first count is the prior of a figure counting the same noun."""
    first = _FIRST_COUNT.match(match.group())
    year = YEAR_IN.search(match.group())
    if first is None or year is None or (value := parse_number(first.group("value"))) is None:
        return Region(match.start(), match.end())
    prior = Prior(int(year.group("year")), None, value)
    return Region(match.start(), match.end(), (prior,), unit=first.group("noun").lower())


def find_breakdowns(text: str) -> list[Region]:
    """Every split into two or more counts: "(six sex trafficking, 12 labor …)" or "including
    21 forced labor victims and 25 sex trafficking victims"."""
    regions: list[Region] = []
    matches = list(_PAREN.finditer(text)) if "(" in text else []
    if "—" in text:
        matches += _DASHED.finditer(text)
    if "including" in text:
        matches += _INCLUDING.finditer(text)
    for match in matches:
        inner = match.group("inner")
        if YEAR_IN.search(inner):
            continue
        parts = [p for p in _ITEM_SPLIT.split(inner) if p.strip()]
        items = [_ITEM.match(part) for part in parts]
        if len(items) < 2 or not all(items):
            continue
        pairs = tuple((" ".join(m.group("label").split()), parse_number(m.group("value"))) for m in items if m)
        if all(value is not None for _, value in pairs):
            regions.append(Region(match.start(), match.end(), items=pairs))  # type: ignore[arg-type]
    return regions


_INCLUDING = build(
    r"\bincluding\s+(?P<inner><<N>>\s+[^,;:()0-9]+?(?:(?:,\s*(?:and\s+)?|\s+and\s+)<<N>>\s+[^,;:()0-9]+?)+)"
    r"(?=\s*[,;:.)]|\s+(?:compared|in\s+(?:19|20)[0-9]{2})|\s*$)"
)
