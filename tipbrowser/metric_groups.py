"""The figures of one sentence, grouped by match, and what is resolved between the groups."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from tipbrowser.metric_converters import OFFICIAL_NAMES, Context, Found
from tipbrowser.metric_priors import Prior, Region

__all__ = ["Group", "resolve_subsets", "resolve_officials", "mark_included", "attach_priors", "attach_breakdowns"]


@dataclass(slots=True)
class Group:
    """The figures one pattern match produced (one number can serve two metrics)."""

    founds: list[Found]
    end: int
    priors: list[Prior] = field(default_factory=list)
    breakdown: tuple[tuple[str, int | float], ...] = ()

    @property
    def start(self) -> int:
        """Where the group's first figure starts in the sentence."""
        return min(f.start for f in self.founds)


def resolve_subsets(groups: list[Group], context: Context) -> None:
    """Give "including eight children" the name of the figure it is part of."""
    for index, group in enumerate(groups):
        if group.founds[0].name != "@previous":
            continue
        staff = group.founds[0].subset == group.founds[0].unit
        before = [g for g in groups[:index] if (staff or _is_victims(g)) and g.founds[0].name != "@previous"]
        names = [f.name for f in before[-1].founds] if before else ([] if staff else context.previous)
        group.founds = [_replace(group.founds[0], name=name) for name in names]
    headline = [g for g in groups if _is_victims(g) and g.founds[0].subset is None]
    if headline:
        context.previous = [f.name for f in headline[-1].founds]


def resolve_officials(groups: list[Group]) -> None:
    """ "investigated 12 officials …; it prosecuted four of them and convicted none": a count with
    no noun of its own, after officials in the same sentence, counts those officials."""
    for before, group in zip(groups, groups[1:]):
        if not before.founds[0].name.startswith("government_employees_"):
            continue
        if all(f.unit is None and f.name in OFFICIAL_NAMES for f in group.founds):
            group.founds = [_replace(f, name=OFFICIAL_NAMES[f.name]) for f in group.founds]


def mark_included(groups: list[Group], text: str) -> None:
    """ "received 3,150 calls, including 44 calls related to trafficking": a part of the figure
    before that counts the same thing is a subset, described by the words after it."""
    for before, group in zip(groups, groups[1:]):
        first = group.founds[0]
        if first.subset is not None or first.name != before.founds[0].name or first.currency is not None:
            continue
        if _INCLUDED.search(text, before.end, group.start) is None:
            continue
        words = _DESCRIPTION.match(text, group.end)
        subset = " ".join(words.group(1).split()) if words else "part"
        group.founds = [_replace(f, subset=subset) for f in group.founds]


_INCLUDED = re.compile(r"\b(?:including|of\s+which|of\s+these|among\s+them|among\s+which)\s*,?\s*$")
_DESCRIPTION = re.compile(r"\s+(?!(?:in|during)\s+(?:19|20)\d\d)([^,;.()0-9]{3,60}?)(?=\s*[,;.()]|\s*$)")


def _is_victims(group: Group) -> bool:
    return bool(group.founds) and group.founds[0].name.startswith(("victims", "potential"))


def _replace(found: Found, **changes: Any) -> Found:
    return dataclasses.replace(found, **changes)


def attach_priors(groups: list[Group], priors: list[Region]) -> None:
    """Give each figure the priors stated for it: shared ones in order, else to the figure before."""
    for region in priors:
        fitting = [g for g in groups if _fits(g, region)]
        before = [g for g in fitting if g.start < region.start]
        if region.each and len(before) >= len(region.each):
            for group, priors in zip(before[-len(region.each):], region.each):
                group.priors.extend(priors)
            continue
        after = [g for g in fitting if g.start >= region.end]
        target = before[-1] if before else (after[0] if after else None)
        if target is not None and region.same:
            target.priors.extend(Prior(p.year, p.label, target.founds[0].value) for p in region.priors)
        elif target is not None:
            target.priors.extend(region.priors)


def _fits(group: Group, region: Region) -> bool:
    """Money priors go to money figures, counts to counts, and never to a subset."""
    first = group.founds[0]
    if region.unit is not None and (first.unit or "").split()[-1:] != [region.unit]:
        return False
    return (first.currency is not None) == region.money and first.subset is None


def attach_breakdowns(groups: list[Group], breakdowns: list[Region], text: str) -> None:
    """Give a breakdown ("(six sex trafficking, 12 labor …)") to the figure just before it."""
    for region in breakdowns:
        before = [g for g in groups if g.end <= region.start]
        if not before:
            continue
        gap = text[before[-1].end : region.start]
        if len(gap) <= 40 and not re.search(r"[0-9;]", gap):
            before[-1].breakdown = region.items
