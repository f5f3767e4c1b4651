"""Unheaded text: the profile, summary, recommendations and single sections it holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipbrowser.model import SectionKind, Span
from tipbrowser.recommendations import looks_like_recommendations

__all__ = ["Block", "Draft", "resolve_front"]

_INTRO = re.compile(
    r"(?:Government of .{1,90}? (?:does not fully|fully) (?:meet|comply|meets|complies))"
    r"|minimum standards for the elimination of trafficking"
)
_PROFILE = re.compile(r"\bis (?:primarily |principally |mainly )?an? (?:source|transit|destination)\b")
_EFFORTS = [
    (
        SectionKind.PROSECUTION,
        re.compile(r"The government (?:\w+ )?(?:\w+ )?(?:its )?(?:anti-trafficking )?law enforcement efforts"),
    ),
    (
        SectionKind.PROTECTION,
        re.compile(r"The government (?:\w+ )?(?:\w+ )?(?:its )?(?:victim )?protection efforts"),
    ),
    (
        SectionKind.PREVENTION,
        re.compile(r"The government (?:\w+ )?(?:\w+ )?(?:its )?(?:efforts to )?prevent(?:ion)? (?:efforts|trafficking)"),
    ),
]
"""Each section opens with a one-sentence summary of effort: a fallback signal for its kind."""


_OPENING_CHARS = 3000
"""The profile and summary formulas come in a paragraph's first sentences."""


@dataclass(slots=True)
class Block:
    """A paragraph-to-be: a trimmed span of body text."""

    start: int
    end: int


@dataclass(slots=True)
class Draft:
    """A section-to-be: its kind, title, heading span and blocks."""

    kind: SectionKind
    title: str
    heading: Span | None
    blocks: list[Block] = field(default_factory=list)


def resolve_front(drafts: list[Draft], text: str) -> list[Draft]:
    """Give the unheaded text before the first heading its sections.

    Older layouts open with the profile ("X is a source … country"), then the summary
    ("The Government of X does not fully meet …"), then, in some years, recommendations
    with no heading. A copy of one accordion panel is a single section whose kind its
    opening effort sentence gives away.
    """
    front, rest = drafts[0], drafts[1:]
    if not front.blocks:
        return _split_efforts(rest, text)
    bodies = [text[b.start : min(b.end, b.start + _OPENING_CHARS)] for b in front.blocks]
    before, after = _profile_split(front.blocks, bodies)
    resolved: list[Draft] = []
    if before:
        resolved.append(Draft(SectionKind.PROFILE, SectionKind.PROFILE.label, None, before))
    has_recs = any(d.kind is SectionKind.RECOMMENDATIONS for d in rest)
    intro, recs, trailing = _intro_and_recommendations(after, text, has_recs)
    if intro:
        resolved.append(Draft(SectionKind.INTRO, SectionKind.INTRO.label, None, intro))
    if recs:
        resolved.append(Draft(SectionKind.RECOMMENDATIONS, SectionKind.RECOMMENDATIONS.label, None, recs))
    if trailing:
        resolved.append(Draft(SectionKind.OTHER, SectionKind.OTHER.label, None, trailing))
    return _split_efforts(resolved + rest, text)


def _profile_split(blocks: list[Block], bodies: list[str]) -> tuple[list[Block], list[Block]]:
    """The profile paragraphs that open older layouts, and what follows them."""
    intro_at = next((i for i, s in enumerate(bodies) if _INTRO.search(s)), None)
    if intro_at is None:
        end = 0
        while end < len(blocks) and _PROFILE.search(bodies[end]):
            end += 1
        return blocks[:end], blocks[end:]
    if any(_PROFILE.search(s) for s in bodies[:intro_at]):
        return blocks[:intro_at], blocks[intro_at:]
    return [], blocks


def _intro_and_recommendations(
    blocks: list[Block], text: str, has_recs: bool
) -> tuple[list[Block], list[Block], list[Block]]:
    """Split the summary from unheaded recommendations that follow it (2017–2024 pages)."""
    intro: list[Block] = []
    recs: list[Block] = []
    trailing: list[Block] = []
    for block in blocks:
        if trailing:
            trailing.append(block)
        elif intro and not has_recs and looks_like_recommendations(text[block.start : min(block.end, block.start + 2000)]):
            recs.append(block)
        elif recs:
            trailing.append(block)
        else:
            intro.append(block)
    return intro, recs, trailing


def _efforts_kind(text: str, block: Block, seen: set[SectionKind]) -> SectionKind | None:
    opening = text[block.start : min(block.end, block.start + 160)]
    return next((k for k, p in _EFFORTS if k not in seen and p.match(opening)), None)


def _split_efforts(drafts: list[Draft], text: str) -> list[Draft]:
    """Start an unheaded section where "The government increased … efforts" opens one."""
    seen = {d.kind for d in drafts}
    result: list[Draft] = []
    for draft in drafts:
        if draft.kind not in (SectionKind.INTRO, SectionKind.OTHER) or draft.heading is not None:
            result.append(draft)
            continue
        current = Draft(draft.kind, draft.title, draft.heading)
        result.append(current)
        for block in draft.blocks:
            kind = _efforts_kind(text, block, seen)
            if kind is not None and not current.blocks:
                current.kind, current.title = kind, kind.label  # a lone copied panel
                seen.add(kind)
            elif kind is not None:
                seen.add(kind)
                current = Draft(kind, kind.label, None)
                result.append(current)
            current.blocks.append(block)
    return [d for d in result if d.blocks or d.heading is not None]
