"""Text to `Report`: title, country, year, tier, sections and recommendations."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tipbrowser.front import Block, Draft, resolve_front
from tipbrowser.lines import Classified, LineKind, classify, natural_country
from tipbrowser.metadata import country_from_paragraphs, report_id, tier_from_summary, year_from_text
from tipbrowser.model import Paragraph, Recommendation, Report, Section, SectionKind, Sentence, Span, Tier
from tipbrowser.reader import DEFAULT_MAX_BYTES, normalise, read_path
from tipbrowser.recommendations import should_sentences, split_items
from tipbrowser.sentences import split_sentences

__all__ = ["parse_text", "parse_path"]

_BULLET_LINE = re.compile(r"\s*(?:[•*▪●]|-(?=\s))")
_TERMINAL = re.compile(r"[.!?:][\"”’')\]]*\s*$")
_SENTENCE_START = re.compile(r"\s*[\"“‘(]?[A-Z0-9]")
_SUMMARY_CHARS = 4000
"""The summary states the tier in its first few sentences; no need to read further."""
_WRAP_WIDTH = 110
"""Lines no longer than this, three or more in a row, are a hard-wrapped copy."""


@dataclass(slots=True)
class _Meta:
    """What the title and tier lines said, and the furniture that was dropped."""

    title: str | None = None
    year: int | None = None
    title_country: str | None = None
    tier_country: str | None = None
    tier: Tier | None = None
    dropped: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class _Scan:
    """The state of one pass over the lines."""

    text: str
    meta: _Meta = field(default_factory=_Meta)
    drafts: list[Draft] = field(default_factory=lambda: [Draft(SectionKind.OTHER, "", None)])
    pending: list[tuple[int, int]] = field(default_factory=list)
    first_zone: bool = True
    foreign: bool = False  # past the next country's tier line on a multi-country page

    preamble: Draft | None = None  # text before the tier line that belongs to no section

    def flush(self) -> None:
        """Turn the pending text lines into paragraphs of the current section."""
        if self.pending:
            self.drafts[-1].blocks.extend(_paragraphs(self.pending, self.text))
            self.pending.clear()

    def body_started(self) -> bool:
        """Whether any body text or heading has been seen yet."""
        return len(self.drafts) > 1 or bool(self.drafts[0].blocks) or bool(self.pending)

    def set_aside_preamble(self) -> None:
        """Move everything read so far, headings included, into one section of its own."""
        blocks: list[Block] = []
        for draft in self.drafts:
            if draft.heading is not None:
                blocks.append(Block(draft.heading.start, draft.heading.end))
            blocks.extend(draft.blocks)
        self.preamble = Draft(SectionKind.OTHER, "Text before the tier line", None, blocks)
        self.drafts = [Draft(SectionKind.OTHER, "", None)]


def parse_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read and parse the narrative at `path`."""
    decoded = read_path(path, max_bytes=max_bytes)
    return parse_text(decoded.text, encoding=decoded.encoding, source=str(path))


def parse_text(text: str, *, encoding: str = "utf-8", source: str | None = None) -> Report:
    """Parse a narrative's text (any year's layout) into a `Report`."""
    text = normalise(text)
    scan = _scan(text)
    meta = scan.meta
    drafts = ([scan.preamble] if scan.preamble else []) + resolve_front(scan.drafts, text)
    written, country = _country(meta, drafts, text)
    year = meta.year or year_from_text(text, meta.dropped)
    tier = meta.tier or _inferred_tier(drafts, text)
    rid = report_id(country, year, source)
    sections, recommendations = _build(rid, drafts, text)
    return Report(
        id=rid,
        title=meta.title,
        country=country,
        country_as_written=written,
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


def _scan(text: str) -> _Scan:
    scan = _Scan(text)
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line:  # the reader has already emptied lines of only space or NBSP
            scan.flush()
            continue
        found = classify(line, first_zone=scan.first_zone)
        if found.kind == LineKind.TEXT:
            scan.pending.append((start, end))
            scan.first_zone = False
        elif found.kind != LineKind.BLANK or scan.pending:
            scan.flush()
            _take(scan, found, start, end)
    scan.flush()
    return scan


def _take(scan: _Scan, found: Classified, start: int, end: int) -> None:
    """Act on a line that is not body text, by its kind."""
    action = _ACTIONS.get(found.kind)
    if action is not None:
        action(scan, found, start, end)


def _on_furniture(scan: _Scan, found: Classified, start: int, end: int) -> None:
    scan.meta.dropped.append(Span(start, end))


def _on_title(scan: _Scan, found: Classified, start: int, end: int) -> None:
    meta = scan.meta
    if found.title is not None and meta.title is None:
        meta.title = found.title
        meta.year = meta.year or found.year
    if found.country is not None and meta.title_country is None:
        meta.title_country = found.country
    if found.tier is not None and meta.tier is None:
        meta.tier = found.tier


def _on_tier(scan: _Scan, found: Classified, start: int, end: int) -> None:
    meta, text = scan.meta, scan.text
    if meta.tier is None and meta.tier_country is None:
        if scan.body_started():  # a page that opens with the end of another country
            scan.set_aside_preamble()
        meta.tier, meta.tier_country = found.tier, found.country
        meta.year = meta.year or found.year
    elif scan.body_started():  # the next country's tier line on a multi-country page
        scan.foreign = True
        scan.drafts.append(Draft(SectionKind.OTHER, text[start:end].strip(), _trimmed(text, start, end)))
    else:  # the tier again, after a title that gave it
        meta.dropped.append(Span(start, end))


def _on_heading(scan: _Scan, found: Classified, start: int, end: int) -> None:
    text = scan.text
    if scan.foreign:  # another country's headings stay in its one section, as text
        if found.rest_at is not None:
            scan.pending.append((start, end))
        else:
            heading = _trimmed(text, start, end)
            scan.drafts[-1].blocks.append(Block(heading.start, heading.end))
        return
    assert found.section is not None and found.title is not None
    heading_end = start + found.rest_at if found.rest_at is not None else end
    scan.drafts.append(Draft(found.section, found.title, _trimmed(text, start, heading_end)))
    if found.rest_at is not None:
        scan.pending.append((start + found.rest_at, end))
        scan.first_zone = False


_ACTIONS: dict[str, Callable[[_Scan, Classified, int, int], None]] = {
    LineKind.FURNITURE: _on_furniture,
    LineKind.TITLE: _on_title,
    LineKind.TIER: _on_tier,
    LineKind.HEADING: _on_heading,
}
"""What each kind of line does to the scan; blank lines only end a paragraph."""


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _paragraphs(lines: list[tuple[int, int]], text: str) -> list[Block]:
    """Group consecutive lines into paragraphs: list lines apart, wrapped lines together."""
    widths = [end - (text.rfind("\n", 0, start) + 1) for start, end in lines]
    width = max(widths)
    wrapped = len(lines) >= 3 and width <= _WRAP_WIDTH
    blocks: list[Block] = []
    for i, (start, end) in enumerate(lines):
        if blocks and not _breaks(text, lines[i - 1], (start, end), wrapped, width):
            blocks[-1].end = end
        else:
            blocks.append(Block(start, end))
    result = []
    for block in blocks:
        span = _trimmed(text, block.start, block.end)
        if len(span):
            result.append(Block(span.start, span.end))
    return result


def _breaks(text: str, before: tuple[int, int], line: tuple[int, int], wrapped: bool, width: int) -> bool:
    """Whether `line` starts a new paragraph after the line `before` it."""
    if _BULLET_LINE.match(text, line[0], line[1]):
        return True
    if not _TERMINAL.search(text, max(before[0], before[1] - 16), before[1]):
        return False
    if wrapped:  # the line before ended early: its next word would have fitted
        first_word = text[line[0] : line[1]].split(None, 1)
        room = width - len(text[before[0] : before[1]].rstrip()) - 1
        return bool(first_word) and len(first_word[0]) <= room
    return bool(_SENTENCE_START.match(text, line[0], line[1]))


# ---- metadata ------------------------------------------------------------------------


def _country(meta: _Meta, drafts: list[Draft], text: str) -> tuple[str | None, str | None]:
    """The country as written and in natural order ("KOREA, REPUBLIC OF" → "Republic of Korea")."""
    if meta.tier_country:
        return meta.tier_country, natural_country(meta.tier_country)
    if meta.title_country:
        return meta.title_country, natural_country(meta.title_country)
    bodies = (text[b.start : b.end] for d in drafts if d.kind is not SectionKind.OTHER for b in d.blocks)
    found = country_from_paragraphs(bodies)
    return found, natural_country(found) if found else None


def _inferred_tier(drafts: list[Draft], text: str) -> Tier | None:
    """Where there is no tier line: only what the summary makes unambiguous."""
    for kind in (SectionKind.INTRO, SectionKind.PROFILE):
        summary = next((d for d in drafts if d.kind is kind), None)
        if summary is not None:
            opening = " ".join(text[b.start : b.end] for b in summary.blocks[:3])
            return tier_from_summary(opening[:_SUMMARY_CHARS])
    return None


# ---- drafts → frozen model -----------------------------------------------------------


def _build(rid: str, drafts: list[Draft], text: str) -> tuple[tuple[Section, ...], tuple[Recommendation, ...]]:
    sections: list[Section] = []
    items: list[tuple[Paragraph, tuple[int, int]]] = []
    used: dict[str, int] = {}
    for draft in drafts:
        kind = draft.kind.value
        used[kind] = used.get(kind, 0) + 1
        section_id = f"{rid}/{kind}" + (f"-{used[kind]}" if used[kind] > 1 else "")
        paragraphs = tuple(_paragraph(f"{section_id}/p{n}", block, text) for n, block in enumerate(draft.blocks, 1))
        sections.append(Section(section_id, draft.kind, draft.title or draft.kind.label, paragraphs, draft.heading))
        if draft.kind is SectionKind.RECOMMENDATIONS:
            starts = [p.span.start for p in paragraphs]
            for start, end in split_items([(p.span.start, p.span.end) for p in paragraphs], text):
                owner = paragraphs[bisect_right(starts, start) - 1]
                items.append((owner, (start, end)))
    if not items:
        summary = next((s for s in sections if s.kind is SectionKind.INTRO), None)
        for paragraph in summary.paragraphs if summary else ():
            items.extend((paragraph, span) for span in should_sentences(paragraph))
    recommendations = tuple(
        Recommendation(f"{rid}/recommendations/r{n}", text[start:end], Span(start, end), owner.id)
        for n, (owner, (start, end)) in enumerate(items, 1)
    )
    return tuple(sections), recommendations


def _paragraph(paragraph_id: str, block: Block, text: str) -> Paragraph:
    body = text[block.start : block.end]
    sentences = tuple(
        Sentence(f"{paragraph_id}/s{n}", body[s:e], Span(block.start + s, block.start + e))
        for n, (s, e) in enumerate(split_sentences(body), 1)
    )
    return Paragraph(paragraph_id, body, Span(block.start, block.end), sentences)
