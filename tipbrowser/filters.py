"""Field filters resolved against the open reports: which reports and sections a query may match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tipbrowser.folding import fold, token_texts

if TYPE_CHECKING:
    from tipbrowser.query import Filter

__all__ = ["ReportFacts", "FilterSet", "resolve_filters"]


_TIERS = {
    "1": "Tier 1",
    "2": "Tier 2",
    "2wl": "Tier 2 Watch List",
    "2watchlist": "Tier 2 Watch List",
    "2watch": "Tier 2 Watch List",
    "watchlist": "Tier 2 Watch List",
    "wl": "Tier 2 Watch List",
    "3": "Tier 3",
    "special": "Special Case",
    "specialcase": "Special Case",
    "sc": "Special Case",
}
_YEARS = re.compile(r"(\d{4})(?:\s*(?:-|\.\.|to)\s*(\d{4}))?")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the report filters look at: one report's id and metadata."""

    rid: int
    report_id: str
    country: str | None
    country_as_written: str | None
    year: int | None
    tier: str | None


@dataclass(frozen=True, slots=True)
class FilterSet:
    """Filters resolved against the index: the reports and sections a hit may come from."""

    rids: frozenset[int] | None = None
    kinds: tuple[str, ...] | None = None
    titles: tuple[str, ...] = ()
    excluded_kinds: tuple[str, ...] = ()
    excluded_titles: tuple[str, ...] = ()
    notice: str | None = None

    def sql(self) -> tuple[list[str], list[object]]:
        """WHERE conditions over `s` (sentences) and their parameters."""
        where: list[str] = []
        params: list[object] = []
        if self.rids is not None:
            where.append(f"s.rid IN ({', '.join(str(int(rid)) for rid in sorted(self.rids))})")
        if self.kinds is not None:
            where.append(f"(s.section_kind IN ({_marks(self.kinds)}) OR s.section_title IN ({_marks(self.titles)}))")
            params.extend([*self.kinds, *self.titles])
        if self.excluded_kinds or self.excluded_titles:
            where.append(
                f"s.section_kind NOT IN ({_marks(self.excluded_kinds)}) "
                f"AND s.section_title NOT IN ({_marks(self.excluded_titles)})"
            )
            params.extend([*self.excluded_kinds, *self.excluded_titles])
        return where, params


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" * len(values))


def resolve_filters(
    filters: list[Filter],
    reports: list[ReportFacts],
    sections: list[tuple[str, str]],
    rids: list[int] | None = None,
) -> FilterSet:
    """Which reports and sections the filters (and an optional report restriction) allow."""
    allowed = None if rids is None else set(rids)
    notices = []
    for name in ("country", "year", "tier"):
        chosen = [f for f in filters if f.field == name]
        if not chosen:
            continue
        wanted = [f for f in chosen if not f.negated]
        matching = {f: {r.rid for r in reports if _report_matches(name, f.value, r)} for f in chosen}
        notices += [f"{name}:{f.value} matches no report." for f in wanted if not matching[f]]
        keep = set().union(*(matching[f] for f in wanted)) if wanted else {r.rid for r in reports}
        keep -= set().union(*(matching[f] for f in chosen if f.negated))
        allowed = keep if allowed is None else allowed & keep
    kinds, titles, excluded_kinds, excluded_titles = _sections(filters, sections, notices)
    return FilterSet(
        rids=None if allowed is None else frozenset(allowed),
        kinds=kinds,
        titles=titles,
        excluded_kinds=excluded_kinds,
        excluded_titles=excluded_titles,
        notice=" ".join(notices) or None,
    )


def _sections(
    filters: list[Filter], sections: list[tuple[str, str]], notices: list[str]
) -> tuple[tuple[str, ...] | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    chosen = [f for f in filters if f.field == "section"]
    kinds: set[str] | None = None
    titles: set[str] = set()
    excluded_kinds: set[str] = set()
    excluded_titles: set[str] = set()
    for f in chosen:
        by_kind = {kind for kind, _ in sections if _section_kind_matches(f.value, kind)}
        by_title = {title for kind, title in sections if kind not in by_kind and _compact(f.value) in _compact(fold(title))}
        if f.negated:
            excluded_kinds |= by_kind
            excluded_titles |= by_title
            continue
        if not by_kind and not by_title:
            notices.append(f"section:{f.value} matches no section.")
        kinds = (kinds or set()) | by_kind
        titles |= by_title
    return (
        None if kinds is None else tuple(sorted(kinds)),
        tuple(sorted(titles)),
        tuple(sorted(excluded_kinds)),
        tuple(sorted(excluded_titles)),
    )


def _section_kind_matches(value: str, kind: str) -> bool:
    from tipbrowser.model import SectionKind

    wanted = _compact(value)
    try:
        label = SectionKind(kind).label
    except ValueError:
        label = kind
    return bool(wanted) and (_compact(kind).startswith(wanted) or _compact(fold(label)).startswith(wanted))


def _report_matches(name: str, value: str, report: ReportFacts) -> bool:
    if name == "year":
        found = _YEARS.fullmatch(value.strip())
        if found is None or report.year is None:
            return False
        first = int(found.group(1))
        last = int(found.group(2) or first)
        return min(first, last) <= report.year <= max(first, last)
    if name == "tier":
        wanted = _TIERS.get(_compact(value).removeprefix("tier"))
        return wanted is not None and report.tier == wanted
    return _country_matches(value, report)


def _country_matches(value: str, report: ReportFacts) -> bool:
    wanted = token_texts(value)
    if not wanted:
        return False
    for name in (report.country, report.country_as_written, report.report_id):
        have = token_texts(fold(name or ""))
        if all(any(word.startswith(token) for word in have) for token in wanted):
            return True
    return False


def _compact(text: str) -> str:
    return _NOT_ALNUM.sub("", text)
