"""What the Search tab lists, without Textual: hits grouped by report and section, snippets, counts."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tipbrowser.search import Hit, SearchResult
from tipbrowser.text import visible

__all__ = ["HitRow", "HitGroup", "group_hits", "count_label", "status_line", "snippet_window", "SNIPPET_WIDTH"]

SNIPPET_WIDTH = 90
"""About how many characters of a hit's sentence the list shows."""


@dataclass(frozen=True, slots=True)
class HitRow:
    """One hit as listed: its place in the result, and a snippet with the matched ranges."""

    number: int
    """The hit's index in `SearchResult.hits`."""
    report_id: str
    sentence_id: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    """Matched ranges within `snippet`."""


@dataclass(frozen=True, slots=True)
class HitGroup:
    """Hits of one section (of one report when several are open), best first."""

    title: str
    rows: tuple[HitRow, ...]


def count_label(result: SearchResult | None, shown: int) -> str:
    """"42 hits", "at least 5,000 hits", "No hits", and how many are listed when fewer."""
    if result is None:
        return ""
    total = result.total
    if total == 0:
        return "No hits"
    noun = "hit" if total == 1 else "hits"
    label = f"{total:,} {noun}" if result.total_exact else f"at least {total:,} {noun}"
    if 0 < shown < total:
        label += f" (best {shown:,} listed)" if any(hit.score for hit in result.hits) else f" (first {shown:,} listed)"
    return label


def status_line(result: SearchResult) -> str:
    """What the search bar says: the count, and the engine's notice in brief ("matched literally")."""
    label = count_label(result, 0)
    if not result.notice:
        return label
    brief = result.notice.split(":", 1)[0].split(";", 1)[0].strip().rstrip(".")
    brief = re.sub(r"^Over [\d,]+ hits, ", "", brief)  # the count says how many already
    return f"{label} · {brief[:1].lower()}{brief[1:]}"


def snippet_window(text: str, spans: Sequence[tuple[int, int]], width: int = SNIPPET_WIDTH) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `width` characters of `text` around its first match, controls made visible.

    Returns the snippet and the matched ranges shifted into it (those that fit).
    """
    flat = text.replace("\n", " ").replace("\t", " ")
    start, end = 0, len(flat)
    if len(flat) > width:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - width // 3, len(flat) - width))
        if start > 0:
            space = flat.find(" ", start, max(first, start + 1))
            start = space + 1 if space != -1 else start
        end = min(len(flat), start + width)
    lead = "…" if start > 0 else ""
    trail = "…" if end < len(flat) else ""
    pieces: list[str] = [lead]
    shifted: list[tuple[int, int]] = []
    position = len(lead)
    cursor = start
    for low, high in sorted(spans):
        low, high = max(low, start), min(high, end)
        if high <= low or low < cursor:
            continue
        plain = visible(flat[cursor:low])
        match = visible(flat[low:high])
        pieces += [plain, match]
        position += len(plain)
        shifted.append((position, position + len(match)))
        position += len(match)
        cursor = high
    pieces += [visible(flat[cursor:end]), trail]
    return "".join(pieces), tuple(shifted)


def _row(number: int, hit: Hit) -> HitRow:
    snippet, spans = snippet_window(hit.text, hit.spans)
    return HitRow(number, hit.report_id, hit.sentence_id, snippet, spans)


def group_hits(result: SearchResult, titles: Mapping[str, str] | None = None) -> list[HitGroup]:
    """The hits grouped by section, groups in the order of their best hit.

    With `titles` (report id → a short name, given when several reports are open) each
    group's title names its report too.
    """
    groups: dict[tuple[str, str], list[HitRow]] = {}
    names: dict[tuple[str, str], str] = {}
    for number, hit in enumerate(result.hits):
        key = (hit.report_id, hit.section_id)
        if key not in groups:
            section = visible(hit.section_title.strip() or hit.section_kind)
            names[key] = f"{visible(titles.get(hit.report_id, hit.report_id))} · {section}" if titles else section
            groups[key] = []
        groups[key].append(_row(number, hit))
    return [HitGroup(names[key], tuple(rows)) for key, rows in groups.items()]
