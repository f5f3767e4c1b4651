"""Text to `Report`: title, country, year, tier, sections and recommendations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tipbrowser.lines import Classified, LineKind, classify, natural_country, tier_from_words
from tipbrowser.model import (
    Paragraph,
    Recommendation,
    Report,
    Section,
    SectionKind,
    Sentence,
    Span,
    Tier,
)
from tipbrowser.reader import DEFAULT_MAX_BYTES, normalise, read_path
from tipbrowser.recommendations import looks_like_recommendations, split_items
from tipbrowser.sentences import split_sentences
from tipbrowser.text import slugify

__all__ = ["parse_text", "parse_path"]

_BULLET_LINE = re.compile(r"\s*(?:[•*▪●]|-(?=\s))")
_TERMINAL = re.compile(r"[.!?:;][\"”’')\]]*\s*$")
_INTRO = re.compile(
    r"(?:Government of .{1,90}? (?:does not fully|fully) (?:meet|comply|meets|complies))"
    r"|minimum standards for the elimination of trafficking"
)
_PROFILE = re.compile(r"\bis (?:primarily |principally |mainly )?an? (?:source|transit|destination)\b")
_EFFORTS = [
    (SectionKind.PROSECUTION, re.compile(r"The government (?:\w+ )?(?:\w+ )?(?:its )?(?:anti-trafficking )?law enforcement efforts")),
    (SectionKind.PROTECTION, re.compile(r"The government (?:\w+ )?(?:\w+ )?(?:its )?(?:victim )?protection efforts")),
    (SectionKind.PREVENTION, re.compile(r"The government (?:\w+ )?(?:\w+ )?(?:its )?(?:efforts to )?prevent(?:ion)? (?:efforts|trafficking)")),
]
_COUNTRY_IN_TEXT = [
    re.compile(r"The Government of (?:the )?(?P<c>[A-Z][\w’'\- ]{1,50}?) (?:does not fully|fully) (?:meet|comply)"),
    re.compile(r"(?:^|\n)(?:As reported over the past five years, )?(?P<c>[A-Z][\w’'\- ]{1,50}?) is (?:primarily )?an? (?:source|transit|destination)"),
]
_SHOULD = re.compile(r"\bshould (?=[a-z])")


@dataclass(slots=True)
class _Block:
    """A paragraph-to-be: its span, and the heading that governs it, if any."""

    start: int
    end: int


@dataclass(slots=True)
class _Draft:
    kind: SectionKind
    title: str
    heading: Span | None
    blocks: list[_Block] = field(default_factory=list)


@dataclass(slots=True)
class _Meta:
    title: str | None = None
    year: int | None = None
    title_country: str | None = None
    tier_country: str | None = None
    tier: Tier | None = None
    dropped: list[Span] = field(default_factory=list)


def parse_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read and parse the narrative at `path`."""
    decoded = read_path(path, max_bytes=max_bytes)
    return parse_text(decoded.text, encoding=decoded.encoding, source=str(path))


def parse_text(text: str, *, encoding: str = "utf-8", source: str | None = None) -> Report:
    """Parse a narrative's text (any year's layout) into a `Report`."""
    text = normalise(text)
    meta = _Meta()
    drafts = _sections(text, meta)
    drafts = _resolve_front(drafts, text)
    country_written = meta.tier_country or meta.title_country or _country_from_text(text)
    country = natural_country(country_written) if country_written else None
    if meta.tier_country is None and meta.title_country:
        country = meta.title_country if not meta.title_country.isupper() else natural_country(meta.title_country)
    year = meta.year or _year_from_text(text, meta.dropped)
    tier = meta.tier or _infer_tier(text, drafts)
    report_id = _report_id(country, year, source)
    sections, recommendations = _build(report_id, drafts, text)
    return Report(
        id=report_id,
        title=meta.title,
        country=country,
        country_as_written=country_written,
        year=year,
        tier=tier,
        sections=sections,
        recommendations=recommendations,
        encoding=encoding,
        text=text,
        source=source,
        dropped=tuple(meta.dropped),
    )


# ---- lines → section drafts ----------------------------------------------------------


def _sections(text: str, meta: _Meta) -> list[_Draft]:
    drafts: list[_Draft] = [_Draft(SectionKind.OTHER, "", None)]  # the front matter
    first_zone = True
    pending: list[tuple[int, int]] = []  # consecutive text lines

    def flush() -> None:
        if pending:
            drafts[-1].blocks.extend(_paragraphs(pending, text))
            pending.clear()

    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        found = classify(line, first_zone=first_zone)
        if found.kind == LineKind.TEXT:
            pending.append((start, end))
            first_zone = False
            continue
        flush()
        if found.kind == LineKind.FURNITURE:
            meta.dropped.append(Span(start, end))
        elif found.kind == LineKind.TITLE:
            _take_title(meta, found)
        elif found.kind == LineKind.TIER:
            if meta.tier is None and not _body_started(drafts):
                meta.tier = found.tier
                meta.tier_country = found.country
                meta.year = meta.year or found.year
            elif _body_started(drafts):  # the next country on a multi-country page
                drafts.append(_Draft(SectionKind.OTHER, line.strip(), _trimmed(text, start, end)))
            else:
                meta.dropped.append(Span(start, end))
        elif found.kind == LineKind.HEADING:
            assert found.section is not None and found.title is not None
            heading_end = start + found.rest_at if found.rest_at is not None else end
            drafts.append(_Draft(found.section, found.title, _trimmed(text, start, heading_end)))
            if found.rest_at is not None:
                pending.append((start + found.rest_at, end))
                first_zone = False
    flush()
    return drafts


def _take_title(meta: _Meta, found: Classified) -> None:
    if meta.title is None:
        meta.title = found.title
        meta.year = found.year
        meta.title_country = found.country
        if found.tier is not None:
            meta.tier = found.tier


def _body_started(drafts: list[_Draft]) -> bool:
    return len(drafts) > 1 or bool(drafts[0].blocks)


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _paragraphs(lines: list[tuple[int, int]], text: str) -> list[_Block]:
    """Group consecutive lines into paragraphs: list lines apart, wrapped lines together."""
    widths = [e - s for s, e in lines]
    wrapped = len(lines) >= 3 and max(widths) <= 110
    blocks: list[_Block] = []
    for i, (start, end) in enumerate(lines):
        if blocks and not _breaks(text, lines[i - 1], (start, end), wrapped, max(widths)):
            blocks[-1].end = end
        else:
            blocks.append(_Block(start, end))
    result = []
    for block in blocks:
        span = _trimmed(text, block.start, block.end)
        if len(span):
            result.append(_Block(span.start, span.end))
    return result


def _breaks(text: str, before: tuple[int, int], line: tuple[int, int], wrapped: bool, width: int) -> bool:
    current = text[line[0] : line[1]]
    if _BULLET_LINE.match(current):
        return True
    previous = text[before[0] : before[1]]
    if not _TERMINAL.search(previous):
        return False
    if wrapped:
        return len(previous.rstrip()) < 0.8 * width
    return bool(re.match(r"\s*[\"“‘(]?[A-Z0-9]", current))


# ---- the front matter: profile, summary and unheaded recommendations ----------------


def _resolve_front(drafts: list[_Draft], text: str) -> list[_Draft]:
    front, rest = drafts[0], drafts[1:]
    if not front.blocks:
        return _split_efforts(rest, text)
    blocks = front.blocks
    sentences = [text[b.start : b.end] for b in blocks]
    intro_at = next((i for i, s in enumerate(sentences) if _INTRO.search(s)), None)
    resolved: list[_Draft] = []
    if intro_at is None:
        profile_end = 0
        while profile_end < len(blocks) and _PROFILE.search(sentences[profile_end]):
            profile_end += 1
        before, after = blocks[:profile_end], blocks[profile_end:]
    else:
        before, after = blocks[:intro_at], blocks[intro_at:]
        if before and not any(_PROFILE.search(s) for s in sentences[:intro_at]):
            before, after = [], blocks
    if before:
        resolved.append(_Draft(SectionKind.PROFILE, SectionKind.PROFILE.label, None, before))
    has_recs = any(d.kind is SectionKind.RECOMMENDATIONS for d in rest)
    intro: list[_Block] = []
    recs: list[_Block] = []
    for i, block in enumerate(after):
        body = text[block.start : block.end]
        if not has_recs and (i > 0 or intro_at is None) and intro and looks_like_recommendations(body):
            recs.append(block)
        elif recs and not has_recs and looks_like_recommendations(body):
            recs.append(block)
        elif recs:
            rest.insert(0, _Draft(SectionKind.OTHER, SectionKind.OTHER.label, None, [block]))
        else:
            intro.append(block)
    if intro:
        resolved.append(_Draft(SectionKind.INTRO, SectionKind.INTRO.label, None, intro))
    if recs:
        resolved.append(_Draft(SectionKind.RECOMMENDATIONS, SectionKind.RECOMMENDATIONS.label, None, recs))
    return _split_efforts(resolved + rest, text)


def _split_efforts(drafts: list[_Draft], text: str) -> list[_Draft]:
    """Start an unheaded section where "The government increased … efforts" opens one."""
    seen = {d.kind for d in drafts}
    result: list[_Draft] = []
    for draft in drafts:
        if draft.kind not in (SectionKind.INTRO, SectionKind.OTHER) or draft.heading is not None:
            result.append(draft)
            continue
        current = _Draft(draft.kind, draft.title, draft.heading)
        result.append(current)
        for block in draft.blocks:
            opening = text[block.start : min(block.end, block.start + 160)]
            kind = next((k for k, p in _EFFORTS if p.match(opening) and k not in seen), None)
            if kind is not None and current.blocks:
                seen.add(kind)
                current = _Draft(kind, kind.label, None)
                result.append(current)
            current.blocks.append(block)
    return [d for d in result if d.blocks or d.heading is not None]


# ---- metadata ------------------------------------------------------------------------


def _country_from_text(text: str) -> str | None:
    for pattern in _COUNTRY_IN_TEXT:
        match = pattern.search(text[:20000])
        if match:
            return match.group("c").strip()
    return None


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _year_from_text(text: str, dropped: list[Span]) -> int | None:
    for span in dropped:
        match = _YEAR.search(span.slice(text))
        if match:
            return int(match.group(1))
    titled = re.search(r"\b((?:19|20)\d\d) (?:Trafficking in Persons|TIP) Report", text)
    if titled:
        return int(titled.group(1))
    period = re.search(r"\b(?:to|through) March ((?:19|20)\d\d)\b", text)
    if period:
        return int(period.group(1))
    years = [int(y) for y in re.findall(r"\b[Ii]n ((?:19|20)\d\d)\b", text)]
    return max(years) + 1 if years else None


_TIER_STATEMENT = re.compile(
    r"(?:remained on|remains on|upgraded to|downgraded to|placed on|(?:remains|remained|is) a)"
    r" (Tier 2 Watch List|Tier [123]|Special Case)",
    re.IGNORECASE,
)


def _infer_tier(text: str, drafts: list[_Draft]) -> Tier | None:
    intro = next((d for d in drafts if d.kind is SectionKind.INTRO), None)
    if intro is None:
        return None
    body = " ".join(text[b.start : b.end] for b in intro.blocks)
    stated = _TIER_STATEMENT.search(body)
    if stated:
        return tier_from_words(stated.group(1))
    if re.search(r"\bfully (?:meets|complies with) the minimum standards", body):
        return Tier.TIER_1
    if re.search(r"\bis not making significant efforts", body):
        return Tier.TIER_3
    return None


def _report_id(country: str | None, year: int | None, source: str | None) -> str:
    parts = [p for p in (slugify(country) if country else "", str(year) if year else "") if p]
    if parts:
        return "-".join(parts)
    stem = slugify(Path(source).stem) if source else ""
    return stem or "report"


# ---- drafts → frozen model -----------------------------------------------------------


def _build(report_id: str, drafts: list[_Draft], text: str) -> tuple[tuple[Section, ...], tuple[Recommendation, ...]]:
    sections: list[Section] = []
    recommendations: list[Recommendation] = []
    used: dict[str, int] = {}
    for draft in drafts:
        used[draft.kind.value] = used.get(draft.kind.value, 0) + 1
        count = used[draft.kind.value]
        section_id = f"{report_id}/{draft.kind.value}" + (f"-{count}" if count > 1 else "")
        paragraphs = tuple(
            _paragraph(f"{section_id}/p{n}", block, text) for n, block in enumerate(draft.blocks, 1)
        )
        title = draft.title or draft.kind.label
        sections.append(Section(section_id, draft.kind, title, paragraphs, draft.heading))
        if draft.kind is SectionKind.RECOMMENDATIONS:
            spans = [(p.span.start, p.span.end) for p in paragraphs]
            for start, end in split_items(spans, text):
                owner = next(p for p in paragraphs if p.span.start <= start < p.span.end)
                number = len(recommendations) + 1
                recommendations.append(
                    Recommendation(f"{report_id}/recommendations/r{number}", text[start:end], Span(start, end), owner.id)
                )
    if not recommendations:
        recommendations = _should_sentences(report_id, sections, text)
    return tuple(sections), tuple(recommendations)


def _paragraph(paragraph_id: str, block: _Block, text: str) -> Paragraph:
    body = text[block.start : block.end]
    sentences = tuple(
        Sentence(f"{paragraph_id}/s{n}", body[s:e], Span(block.start + s, block.start + e))
        for n, (s, e) in enumerate(split_sentences(body), 1)
    )
    return Paragraph(paragraph_id, body, Span(block.start, block.end), sentences)


def _should_sentences(report_id: str, sections: list[Section], text: str) -> list[Recommendation]:
    """The 2006 layout: recommendations are "The government should …" sentences in the summary."""
    intro = next((s for s in sections if s.kind is SectionKind.INTRO), None)
    found: list[Recommendation] = []
    if intro is None:
        return found
    for paragraph in intro.paragraphs:
        for sentence in paragraph.sentences:
            match = _SHOULD.search(sentence.text)
            if match and re.match(r"(?:The )?(?:Government|government|[A-Z])", sentence.text):
                start = sentence.span.start + match.end()
                span = Span(start, sentence.span.end)
                number = len(found) + 1
                found.append(Recommendation(f"{report_id}/recommendations/r{number}", span.slice(text), span, paragraph.id))
    return found
