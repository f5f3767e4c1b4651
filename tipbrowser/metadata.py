"""What a narrative states only in passing: its country, year and tier, and its id."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from tipbrowser.lines import tier_from_words
from tipbrowser.model import Span, Tier
from tipbrowser.text import slugify

__all__ = ["country_from_paragraphs", "year_from_text", "tier_from_summary", "report_id"]

_NAME = r"(?P<c>(?:The )?[A-Z][\w’'\-]*(?: (?:[A-Z][\w’'\-]*|of|the|and|d’\w+)){0,6})"
_COUNTRY_IN_TEXT = [
    re.compile(rf"The Government of (?:the )?{_NAME} (?:does not fully|fully) (?:meet|comply)"),
    re.compile(rf"(?:As reported over the past five years, )?{_NAME} is (?:primarily |principally )?an? (?:source|transit|destination)"),
    re.compile(rf"{_NAME} (?:is|remains) a Special Case\b"),
]
"""Sentences that name the country, tried in order at the start of each paragraph."""

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_TITLED_YEAR = re.compile(r"\b((?:19|20)\d\d) (?:Trafficking in Persons|TIP) Report")
_PERIOD_END = re.compile(r"\b(?:to|through) March ((?:19|20)\d\d)\b")
_IN_YEAR = re.compile(r"\b[Ii]n ((?:19|20)\d\d)\b")

_TIER_STATEMENT = re.compile(
    r"(?:remained on|remains on|upgraded to|downgraded to|placed on|(?:remains|remained|is) a)"
    r" (Tier 2 Watch List|Tier [123]|Special Case)",
    re.IGNORECASE,
)
_FULLY_MEETS = re.compile(r"\bfully (?:meets|complies with) the minimum standards")
_NOT_SIGNIFICANT = re.compile(r"\bis not making significant efforts")


def country_from_paragraphs(bodies: Iterable[str]) -> str | None:
    """The country named by the first summary or profile sentence that opens a paragraph."""
    for body in bodies:
        body = body[:300]  # the name comes in the opening words
        for pattern in _COUNTRY_IN_TEXT:
            match = pattern.match(body)
            if match:
                return match.group("c").strip()
    return None


_YEAR_SCAN_CHARS = 200_000
"""A narrative is about 30,000 characters; past this, a "year" is not the report's."""


def year_from_text(text: str, dropped: Iterable[Span]) -> int | None:
    """The report's year when no title gives it: furniture dates, then the reporting period."""
    text = text[:_YEAR_SCAN_CHARS]
    for span in dropped:
        match = _YEAR.search(span.slice(text))
        if match:
            return int(match.group(1))
    for pattern in (_TITLED_YEAR, _PERIOD_END):
        match = pattern.search(text)
        if match:
            return int(match.group(1))
    # A report covers the year before its own: "In 2023, police …" is the 2024 report.
    years = [int(y) for y in _IN_YEAR.findall(text)]
    return max(years) + 1 if years else None


def tier_from_summary(summary: str) -> Tier | None:
    """The tier the summary makes unambiguous, else None.

    A stated placement ("remained on Tier 2 Watch List") wins; "fully meets the minimum
    standards" is Tier 1; "is not making significant efforts" is Tier 3. "Making
    significant efforts" alone could be Tier 2 or the Watch List, so it gives nothing.
    """
    stated = _TIER_STATEMENT.search(summary)
    if stated:
        return tier_from_words(stated.group(1))
    if _FULLY_MEETS.search(summary):
        return Tier.TIER_1
    if _NOT_SIGNIFICANT.search(summary):
        return Tier.TIER_3
    return None


def report_id(country: str | None, year: int | None, source: str | None) -> str:
    """The id that namespaces every node: "norway-2025", else the file's stem."""
    parts = [p for p in (slugify(country) if country else "", str(year) if year else "") if p]
    if parts:
        return "-".join(parts)
    stem = slugify(Path(source).stem) if source else ""
    return stem or "report"
