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
    "parse",
    "literal",
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
