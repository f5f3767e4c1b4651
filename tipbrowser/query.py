"""The search query language: words, "phrases", prefix*, -exclusions, OR and field filters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from tipbrowser.folding import fold, token_texts

__all__ = [
    "FIELDS",
    "MAX_TERMS",
    "QUERY_HELP",
    "TermKind",
    "Term",
    "Filter",
    "Query",
    "ReportFacts",
    "FilterSet",
    "parse",
    "literal",
    "resolve_filters",
]

FIELDS = ("section", "country", "year", "tier")
"""The field filters a query may use, as `field:value` or `field:"a value"`."""

MAX_TERMS = 64
"""Terms beyond this many are ignored (and the result says so)."""

QUERY_HELP: tuple[tuple[str, str], ...] = (
    ("forced labor", "sentences with every word, in any form (labour, labourers)"),
    ('"forced labor"', "the exact phrase"),
    ("traffick*", 'words that begin with "traffick"'),
    ("shelter -hotline", "leave out sentences that mention a hotline"),
    ("shelter OR housing", "either word"),
    ("section:protection", "only in a section (summary, prosecution, protection, prevention, profile …)"),
    ("country:korea  year:2020-2024", "only reports of a country, a year or a range of years"),
    ("tier:2wl", 'only reports at a tier: 1, 2, 2wl (or "2 watch list"), 3, special'),
)
"""The query language in one table (syntax, meaning), for help screens and `--help`."""


class TermKind(str, Enum):
    """How a term matches."""

    WORD = "word"  # its stem, anywhere (several tokens, as in "anti-trafficking", match in order)
    PHRASE = "phrase"  # its tokens, adjacent and in order
    PREFIX = "prefix"  # any word that begins with it


@dataclass(frozen=True, slots=True)
class Term:
    """One searchable term: `tokens` are folded, `text` is what the user typed."""

    kind: TermKind
    text: str
    tokens: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Filter:
    """A field filter such as `tier:2wl`; `value` is folded."""

    field: str
    value: str
    negated: bool = False


@dataclass(slots=True)
class Query:
    """A parsed query: every group must match (a group matches when any of its terms does)."""

    text: str
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    problem: str | None = None
    notice: str | None = None

    @property
    def terms(self) -> list[Term]:
        """Every term that contributes to a match (exclusions left out)."""
        return [term for group in self.groups for term in group]

    @property
    def empty(self) -> bool:
        """Whether the query names nothing to find or filter on."""
        return not (self.groups or self.excluded or self.filters)


# One lexeme: an optional "-", then "field:" with a quoted or bare value, a quoted phrase
# (closed or not; a "*" after it is ignored), or a bare run of non-space characters.
_LEXEME = re.compile(
    r"""(?P<neg>-)?
        (?:(?P<field>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"|(?P<fbare>[^\s"]*))
          |"(?P<phrase>[^"]*)(?P<closed>"?)\*?
          |(?P<bare>[^\s"]+))""",
    re.VERBOSE,
)
_SPACE = re.compile(r"\s+")


def parse(text: str) -> Query:
    """Parse `text`; a query that cannot be parsed gets a `problem` (see `literal`)."""
    query = Query(text)
    typed = text.translate(_QUOTES)
    negate_next, pending_or = False, False
    for match in _iter_lexemes(typed):
        lexeme = match.group()
        if lexeme in ("OR", "|"):
            if not query.groups or pending_or:
                query.problem = "OR needs a term on each side"
            pending_or = True
            continue
        if lexeme == "AND":
            continue
        if lexeme == "NOT":
            negate_next = True
            continue
        negated = bool(match.group("neg")) or negate_next
        negate_next = False
        item = _item(match, query)
        if item is None:
            pending_or = False
            continue
        if isinstance(item, Filter):
            query.filters.append(Filter(item.field, item.value, negated))
        elif negated:
            query.excluded.append(item)
        elif pending_or and query.groups:
            query.groups[-1].append(item)
        else:
            query.groups.append([item])
        pending_or = False
    if pending_or or negate_next:
        query.problem = query.problem or "the query ends with an operator"
    _cap(query)
    return query


_LAST_WORD = re.compile(r"(?:^|\s)([^\W_]+)$")
_KEYWORDS = frozenset({"OR", "AND", "NOT"})

TYPING_HELP = "While you type, the last word matches as a prefix (traff finds trafficking); a space after it matches the whole word."
"""How the search bar reads a query as it is typed (see `as_typed`)."""


def as_typed(text: str) -> str:
    """`text` as a search bar reads it while it is typed: its last word, if a plain word, as a prefix.

    "forced lab" finds "forced labor" before the word is finished. A space after the word,
    quotes, an exclusion or a field filter leave the query as it is.
    """
    match = _LAST_WORD.search(text)
    if match is None or match.group(1) in _KEYWORDS:
        return text
    return text + "*"


def _iter_lexemes(text: str) -> Iterator[re.Match[str]]:
    position = 0
    while True:
        space = _SPACE.match(text, position)
        if space:
            position = space.end()
        if position >= len(text):
            return
        match = _LEXEME.match(text, position)
        if match is None or match.end() == position:  # pragma: no cover - the grammar is total
            position += 1
            continue
        yield match
        position = match.end()


_OPERATORS = frozenset('()[]{}*-|^:+~"')
_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'))


def _item(match: re.Match[str], query: Query) -> Term | Filter | None:
    """The term or filter one lexeme stands for, or None (and maybe a problem) if neither."""
    name = match.group("field")
    if name is not None:
        value = match.group("fquoted")
        value = match.group("fbare") if value is None else value
        if name.lower() in FIELDS:
            if not value.strip():
                query.problem = f"{name}: needs a value"
                return None
            return Filter(name.lower(), fold(value).strip())
        return _term(TermKind.WORD, match.group().lstrip("-"), query)
    phrase = match.group("phrase")
    if phrase is not None:
        if not match.group("closed"):
            query.problem = "a quote is not closed"
        return _term(TermKind.PHRASE, phrase, query)
    bare = match.group("bare")
    if bare.endswith("*"):
        stripped = bare.rstrip("*")
        if "*" in stripped:
            query.problem = "* may only end a word"
        return _term(TermKind.PREFIX, stripped.replace("*", " "), query)
    return _term(TermKind.WORD, bare, query)


def _term(kind: TermKind, text: str, query: Query) -> Term | None:
    tokens = tuple(token_texts(fold(text)))
    if not tokens:
        if kind is TermKind.PREFIX or _OPERATORS.intersection(text):
            query.problem = query.problem or f"{text or '*'!r} has nothing to search for"
        return None
    if len(tokens) > 1:  # "anti-trafficking", "d'Ivoire": its pieces, in order
        return Term(TermKind.PHRASE, text, tokens)
    return Term(kind, text, tokens)


def _cap(query: Query) -> None:
    count = 0
    groups: list[list[Term]] = []
    for group in query.groups:
        if count + len(group) > MAX_TERMS:
            query.notice = f"Only the first {MAX_TERMS} terms were used."
            break
        groups.append(group)
        count += len(group)
    query.groups = groups
    if len(query.excluded) > MAX_TERMS:
        query.excluded = query.excluded[:MAX_TERMS]
        query.notice = f"Only the first {MAX_TERMS} terms were used."


def literal(text: str) -> Query:
    """The fallback reading of `text`: all of its words, matched literally."""
    query = Query(text)
    for token in token_texts(fold(text))[:MAX_TERMS]:
        query.groups.append([Term(TermKind.WORD, token, (token,))])
    return query


# -- field filters ------------------------------------------------------------------------

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
