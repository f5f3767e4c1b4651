"""Line rules: a table of small named patterns that say what a line of a narrative is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tipbrowser.model import SectionKind, Tier

__all__ = [
    "LineKind",
    "Classified",
    "classify",
    "tier_from_words",
    "natural_country",
    "RUN_IN",
]


class LineKind:
    """The classes a line can fall in (plain strings keep the table readable)."""

    BLANK = "blank"
    FURNITURE = "furniture"
    TITLE = "title"
    TIER = "tier"
    HEADING = "heading"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Classified:
    """What a rule found in one line."""

    kind: str
    section: SectionKind | None = None
    title: str | None = None
    year: int | None = None
    country: str | None = None
    tier: Tier | None = None
    rest_at: int | None = None  # run-in headings: where the paragraph text starts


_TIER_WORDS = r"tier\s*(?:2\s*watch\s*list|[123])|special\s*case"


def tier_from_words(words: str) -> Tier | None:
    """"TIER 2 WATCH LIST", "Tier 2 Watchlist", "special case" and the like → a `Tier`."""
    folded = re.sub(r"\s+", "", words.lower())
    return {
        "tier1": Tier.TIER_1,
        "tier2": Tier.TIER_2,
        "tier2watchlist": Tier.TIER_2_WATCH_LIST,
        "tier3": Tier.TIER_3,
        "specialcase": Tier.SPECIAL_CASE,
    }.get(folded)


# ---- furniture: site chrome copied with the text ------------------------------------

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

_FURNITURE = re.compile(
    "|".join(
        [
            r"An official website of the United States Government.*",
            r"Here[’']s how you know",
            r"Official websites use \.gov",
            r"A \.gov website belongs to .*",
            r"Secure \.gov websites use HTTPS",
            r"A lock \(.*",
            r"Skip to (?:main )?content|Skip Links|U\.S\. flag",
            r"printable banner|printbanner.*|U\.S\. Department of State - Great Seal",
            r"Diplomacy in Action|Office [Tt]o Monitor and Combat Trafficking in Persons",
            r"Report|Share|Search the Site|#speaker_ac|Stay Connected with State\.gov",
            r"DipNote Blog.*|Subject Index.*|.*Bookmark and Share",
            r"You are in: .*",
            r"Released by the Office to Monitor and Combat Trafficking in Persons",
            rf"(?:{_MONTHS}) \d{{1,2}}, \d{{4}}",
            r"[A-Z][\w ]{1,30} \| .* \|",  # refworld metadata table rows
            r"\d{1,4}",  # page numbers, counters
            r".* \| Pexels.*|LETTER TO THE EDITOR|Send a Letter|Regional Affairs",
            r"Have a concern or an opinion about this story\?.*",
            r"Document #\d+|USDOS [–-] US Department of State \(Author\)",
            r"\[ ?Human Trafficking, Country-by-Country ?\]",
            r"Via: state\.gov|PART (?:ONE|TWO|THREE)|.*…\s*continues",
            r"Published by (?:the )?United States Department of State",
            r"\(More\)|Related Articles|Related Content|Back to Top|Print|Email",
            r"Country Narratives\s*(?:--|:|[–-]).*",
            r"(?:[–-]\s*)?(?:Extracted in(?: part)?|part from the U\.S\. State Dept|"
            r"\d{4} TIP Report)(?: .*)?",
        ]
    )
)

# ---- titles --------------------------------------------------------------------------

_TITLES = [
    re.compile(r"(?P<year>(?:19|20)\d\d) Trafficking in Persons Report(?:\s*:\s*(?P<country>.+))?"),
    re.compile(
        r"Trafficking in Persons Report (?P<year>(?:19|20)\d\d)\s*[-–]\s*"
        r"(?:Country Narratives\s*[-–]\s*)?(?:(?P<special>Special Case)\s*:\s*)?(?P<country>.+)"
    ),
    re.compile(
        r"U\.S\. Department of State (?P<year>(?:19|20)\d\d) Trafficking in Persons Report"
        r"(?:\s*[-–]\s*(?P<country>.+))?"
    ),
    re.compile(r"Human trafficking in (?P<country>[A-Z].{1,60})"),  # a Wikipedia article
]

# A per-country archive page opens with the country's name alone ("The Gambia").
_COUNTRY_LINE = re.compile(r"(?:The )?[A-Z][\w’'\-]+(?: (?:[A-Z][\w’'\-]+|of|the|and|d’\w+)){0,5}")

# ---- tier lines ----------------------------------------------------------------------

_NAME = r"[A-Z][A-Za-z .,’'()\-–À-ÿ]{0,70}?"
_TIER_LINES = [
    re.compile(rf"(?i:special\s*case)\s*(?::\s*(?P<name>{_NAME})|\(\s*(?P<name2>{_NAME})\s*\))\s*"),
    re.compile(
        rf"(?P<name>{_NAME})\s*(?:\(\s*(?P<tier>(?i:{_TIER_WORDS}))\s*\)|:\s*(?P<tier2>(?i:{_TIER_WORDS})))"
        r"(?P<rest>\s*(?:[–-]\s*)?(?:Extracted in.*)?)"
    ),
    re.compile(rf"(?P<tier>(?i:{_TIER_WORDS}))"),
]

# ---- section headings ----------------------------------------------------------------

_HEADING_NAMES: list[tuple[SectionKind, str]] = [
    (SectionKind.PROSECUTION, r"prosecution"),
    (SectionKind.PROTECTION, r"protection"),
    (SectionKind.PREVENTION, r"prevention"),
    (SectionKind.GOVERNMENT_EFFORTS, r"government efforts"),
    (SectionKind.PROFILE, r"trafficking profile|scope and magnitude"),
    (SectionKind.RECOMMENDATIONS, r"(?:prioritized )?recommendations(?: for\b[^:]{0,90})?"),
]
_HEADING = re.compile(
    r"\s*(?:=+\s*)?(?P<name>"
    + "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_HEADING_NAMES))
    + r")\s*:?\s*(?:=+)?\s*",
    re.IGNORECASE,
)

RUN_IN = re.compile(
    r"\s*(?P<name>(?i:recommendations for\b[^:]{0,90}|prioritized recommendations)"
    r"|(?:Scope and Magnitude|Government Efforts|Trafficking Profile|Prosecution|Protection|Prevention)"
    r"|(?:SCOPE AND MAGNITUDE|GOVERNMENT EFFORTS|TRAFFICKING PROFILE|PROSECUTION|PROTECTION|PREVENTION))"
    r"\s*:\s*(?=\S)"
    r"|\s*(?P<bare>Prioritized Recommendations|PRIORITIZED RECOMMENDATIONS)\s+(?=[A-Z][a-z])"
)
"""A heading run into the first line of its text: "Scope and Magnitude: Somalia is …"."""


def _heading_kind(match: re.Match[str]) -> SectionKind:
    for i, (kind, _) in enumerate(_HEADING_NAMES):
        if match.group(f"k{i}"):
            return kind
    return SectionKind.OTHER  # pragma: no cover - the pattern only matches the names


def _kind_of_name(name: str) -> SectionKind:
    """The section a heading's words name ("Government Efforts" → government_efforts)."""
    match = _HEADING.fullmatch(name)
    return _heading_kind(match) if match else SectionKind.OTHER


def _is_heading_case(name: str) -> bool:
    """Upper case or title case; a lower-case "prosecution" line is prose, not a heading."""
    return name.isupper() or name[:1].isupper()


# ---- the rule table ------------------------------------------------------------------


def _rule_blank(line: str, first_zone: bool) -> Classified | None:
    return Classified(LineKind.BLANK) if not line.strip() else None


def _rule_furniture(line: str, first_zone: bool) -> Classified | None:
    return Classified(LineKind.FURNITURE) if _FURNITURE.fullmatch(line.strip()) else None


def _rule_title(line: str, first_zone: bool) -> Classified | None:
    if not first_zone:
        return None
    stripped = line.strip()
    for pattern in _TITLES:
        match = pattern.fullmatch(stripped)
        if match:
            groups = match.groupdict()
            country = (groups.get("country") or "").strip() or None
            tier = Tier.SPECIAL_CASE if groups.get("special") else None
            year = int(groups["year"]) if groups.get("year") else None
            return Classified(LineKind.TITLE, title=stripped, year=year, country=country, tier=tier)
    return None


def _rule_country_line(line: str, first_zone: bool) -> Classified | None:
    stripped = line.strip()
    if first_zone and _COUNTRY_LINE.fullmatch(stripped) and not _HEADING.fullmatch(stripped):
        return Classified(LineKind.TITLE, country=stripped)
    return None


def _rule_tier(line: str, first_zone: bool) -> Classified | None:
    stripped = line.strip()
    for pattern in _TIER_LINES:
        match = pattern.fullmatch(stripped)
        if not match:
            continue
        groups = match.groupdict()
        words = groups.get("tier") or groups.get("tier2") or "special case"
        name = (groups.get("name") or groups.get("name2") or "").strip(" :–-") or None
        if name and not _plausible_name(name):
            continue
        year_match = re.search(r"\b((?:19|20)\d\d) TIP Report", groups.get("rest") or "")
        return Classified(
            LineKind.TIER,
            tier=tier_from_words(words),
            country=name,
            year=int(year_match.group(1)) if year_match else None,
        )
    return None


def _plausible_name(name: str) -> bool:
    words = name.replace(",", " ").split()
    return 0 < len(words) <= 8 and not name.endswith(".") and name[:1].isupper()


def _rule_heading(line: str, first_zone: bool) -> Classified | None:
    match = _HEADING.fullmatch(line)
    if match and _is_heading_case(match.group("name")):
        title = match.group("name").strip()
        return Classified(LineKind.HEADING, section=_heading_kind(match), title=title)
    run_in = RUN_IN.match(line)
    if run_in:
        title = (run_in.group("name") or run_in.group("bare")).strip()
        return Classified(LineKind.HEADING, section=_kind_of_name(title), title=title, rest_at=run_in.end())
    return None


def _rule_text(line: str, first_zone: bool) -> Classified | None:
    return Classified(LineKind.TEXT)


_RULES: list[tuple[str, Callable[[str, bool], Classified | None], int | None]] = [
    # name, rule, longest line it can match (None: any length)
    ("blank", _rule_blank, None),
    ("furniture", _rule_furniture, 400),
    ("title", _rule_title, 200),
    ("tier", _rule_tier, 160),
    ("heading", _rule_heading, None),
    ("country line", _rule_country_line, 60),
    ("text", _rule_text, None),
]


def classify(line: str, *, first_zone: bool) -> Classified:
    """Run the rule table over one line; the first rule that matches decides.

    `first_zone` is true until the first paragraph of body text: title lines count only
    there, so a sentence quoting a report's title is never taken for one. Rules skip
    lines longer than any line they can match, so a long paragraph costs one look.
    """
    size = len(line)
    for _name, rule, longest in _RULES:
        if longest is not None and size > longest:
            continue
        found = rule(line, first_zone)
        if found is not None:
            return found
    return Classified(LineKind.TEXT)  # pragma: no cover - _rule_text always matches


# ---- country names -------------------------------------------------------------------

_SMALL_WORDS = frozenset({"of", "the", "and", "da", "de", "del", "e"})


def natural_country(name: str) -> str:
    """"KOREA, REPUBLIC OF" → "Republic of Korea"; "BAHAMAS, THE" → "The Bahamas"."""
    name = re.sub(r"\s+", " ", name.strip())
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    if name.isupper() or name.islower():
        name = _title_case(name)
    return name


def _title_case(name: str) -> str:
    words = []
    for i, word in enumerate(name.lower().split(" ")):
        if i > 0 and word in _SMALL_WORDS:
            words.append(word)
            continue
        words.append("-".join(_cap(part) for part in word.split("-")))
    return " ".join(words)


def _cap(part: str) -> str:
    elided = re.fullmatch(r"([a-z])([’'])(.+)", part)
    if elided:  # d’ivoire → d’Ivoire
        return elided.group(1) + elided.group(2) + elided.group(3).capitalize()
    return part[:1].upper() + part[1:]
