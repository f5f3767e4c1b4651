"""Folding of what readers type differently (case, accents, quotes, US/UK spellings) and stems."""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from tipbrowser.query import Term

__all__ = [
    "TOKENIZER",
    "SPELLINGS",
    "Token",
    "Matcher",
    "fold",
    "fold_chars",
    "fold_texts",
    "tokens",
    "token_texts",
    "words",
    "stems",
    "snippet",
]

TOKENIZER = "porter unicode61 remove_diacritics 2"
"""The SQLite FTS5 tokenizer the index and the stemmer share."""

# Quotes, apostrophes, dashes and spaces readers type in several ways → one spelling each.
# Every entry maps one character to one character, so offsets survive the translation.
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u3000", " "),
    }
)

_PUNCTUATION_RE = re.compile("[" + re.escape("".join(map(chr, _PUNCTUATION))) + "]")


def _translate(text: str) -> str:
    """`text` with quote, dash and space variants made plain (offsets unchanged)."""
    if text.isascii():
        return text
    return _PUNCTUATION_RE.sub(lambda match: str(_PUNCTUATION[ord(match.group())]), text)


# Private-use characters, which `\w` leaves out but unicode61 keeps in tokens.
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U0010fffd"
# Combining marks (an NFD accent belongs to the letter before it) and private-use characters.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f" + _PRIVATE
# A word as written: letters and digits, with any combining marks.
_RAW_WORD = re.compile(f"(?:[^\\W_]++|[{_MARKS}]++)++")
# What lower() does not fold enough: letters and digits outside ASCII, and marks. Folding
# (casefold, NFKD, marks dropped) works character by character, so these runs are all
# that need it, and in an English narrative they are few.
_WIDE = re.compile(f"(?:[^\\W_\\x00-\\x7f]|[{_MARKS}])+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# A token as SQLite's unicode61 tokenizer sees folded text.
_TOKEN = re.compile(f"(?:[^\\W_]++|[{_PRIVATE}]++)++")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")
_PLAIN_TOKEN = re.compile(r"[^\W_]+")
_PRIVATE_CHAR = re.compile(f"[{_PRIVATE}]")
# Each token pattern's characters, as a one-character pattern (for whole-token lookarounds).
_TOKEN_CHARS = {
    _ASCII_TOKEN.pattern: "[a-z0-9]",
    _PLAIN_TOKEN.pattern: r"[^\W_]",
    _TOKEN.pattern: f"[^\\W_]|[{_PRIVATE}]",
}


def _token_pattern(text: str) -> re.Pattern[str]:
    """The fastest token pattern that is exact for `text`."""
    if text.isascii():
        return _ASCII_TOKEN
    return _PLAIN_TOKEN if _PRIVATE_CHAR.search(text) is None else _TOKEN


# UK spelling → the US spelling both the index and the queries fold to. Whole words only,
# applied after case folding. Each row: a name, the pattern, the replacement.
SPELLINGS: tuple[tuple[str, str, str], ...] = (
    ("-our", r"(labo|behavio|favo|hono|neighbo|harbo|endeavo|colo|rumo|vigo|savio)ur(\p{L}*)", r"\1r\2"),
    ("programme", r"programme(s?)", r"program\1"),
    ("-ence", r"(defen|offen|licen|preten)ce(s?)", r"\1se\2"),
    ("-re", r"(cent|met|theat|fib|lit|spect)re(s?)", r"\1er\2"),
    ("-red", r"(cent|met|theat|fib|lit|spect)red", r"\1ered"),
    ("-ll-", r"(counse|trave|labe|mode|cance|signa|fue|channe|leve|equa|tota|marsha)ll(ed|ing|ers?|ors?)", r"\1l\2"),
    ("-ement", r"(judg|acknowledg|abridg)ement(s?)", r"\1ment\2"),
    ("-lment", r"(enrol|fulfil|instal)ment(s?)", r"\1lment\2"),
    ("ageing", r"ageing", "aging"),
    ("practise", r"practis(e|es|ed|ing)", r"practic\1"),
    ("sceptic", r"sceptic(\p{L}*)", r"skeptic\1"),
    ("-yse", r"(\p{L}+)ys(e|es|ed|ing|ers?)", r"\1yz\2"),
    ("-ise", r"(\p{L}{3,}?)is(e|es|ed|ing|ations?|ational|ers?)", r"\1iz\2"),
)

# Words ending in -ise that are not the -ize suffix (left alone so they read as typed).
_ISE_WORDS = frozenset(
    "adv advert appr bru cru dem den lou chast circumc compr comprom conc desp dev disgu enterpr exc exerc "
    "expert franch improv inc likew merchand otherw parad prec prem pra prom rev superv surpr "
    "telev treat clockw".split()
)

_SPELLING_RE = regex.compile(
    "(?:" + "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern, _) in enumerate(SPELLINGS)) + ")"
)
_RULES = {
    f"r{i}": (regex.compile(pattern), replacement) for i, (_, pattern, replacement) in enumerate(SPELLINGS)
}
_ISE_RULE = f"r{len(SPELLINGS) - 1}"


@lru_cache(maxsize=131072)
def _respell(token: str) -> str:
    """One folded token in its US spelling (the token itself when no rule applies)."""
    match = _SPELLING_RE.fullmatch(token)
    if match is None:
        return token
    name = match.lastgroup or ""
    if name == _ISE_RULE and token.rsplit("is", 1)[0] in _ISE_WORDS:
        return token
    pattern, replacement = _RULES[name]
    whole = pattern.fullmatch(token)
    return whole.expand(replacement) if whole else token


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """Case and accents folded out of one word (or any run of characters)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_chars(text: str) -> str:
    """`text` with case, accents, quote and dash variants folded, but spellings kept."""
    # Lower-casing never makes a quote or dash, so the translation can come after it, in
    # the same pass over the runs beyond ASCII as the folding.
    lowered = text.lower()
    return lowered if lowered.isascii() else _NON_ASCII.sub(_fold_run_match, lowered)


def _fold_run_match(match: re.Match[str]) -> str:
    return _fold_run(match.group())


@lru_cache(maxsize=65536)
def _fold_run(run: str) -> str:
    """A run of characters beyond ASCII with quotes and dashes made plain, letters, digits and marks folded."""
    return _WIDE.sub(_fold_word_match, run.translate(_PUNCTUATION))


def _fold_word_match(match: re.Match[str]) -> str:
    return _fold_word(match.group())


def fold(text: str) -> str:
    """The normalisation used for the index and for queries alike.

    Case, diacritics (precomposed or combining), curly and straight quotes and
    apostrophes, dash variants and US/UK spellings ("labour" → "labor",
    "criminalise" → "criminalize") all fold to one form, so NFC and NFD text match.
    """
    folded = fold_chars(text)
    return _replaced(folded, _changes(_token_set(folded)))


def _changes(found: Iterable[str]) -> dict[str, str]:
    """Each of the tokens `found` that is spelled differently in US English, and that spelling."""
    return {token: us for token in found if (us := _respell(token)) != token}


def _replaced(folded: str, changes: dict[str, str]) -> str:
    """`folded` with each whole token in `changes` replaced (one pass, matching only those)."""
    if not changes:
        return folded
    edge = _TOKEN_CHARS[_token_pattern(folded).pattern]
    alternatives = "|".join(map(re.escape, sorted(changes, key=len, reverse=True)))
    return re.sub(f"(?<!{edge})(?:{alternatives})(?!{edge})", lambda match: changes[match.group()], folded)


def fold_texts(texts: Sequence[str]) -> tuple[list[str], set[str]]:
    """`fold` of each of `texts`, and every token in them, both as written and as folded.

    One pass over all the texts at once: this is what indexing a report costs.
    """
    joined = "\x00".join(texts)
    written = fold_chars(joined)
    found = _token_set(written)
    changes = _changes(found)
    parts = _replaced(written, changes).split("\x00")
    if len(parts) != len(texts):  # a text held NUL itself
        parts = [fold(text) for text in texts]
    return parts, found.union(changes.values())


# Bytes: ASCII letters and digits, and every byte of a character beyond ASCII, kept; the
# rest made spaces. Splitting on those spaces is several times faster than a token regex.
_WORD_BYTES = bytes(
    byte if chr(byte).isascii() and chr(byte).isalnum() or byte >= 0x80 else 0x20 for byte in range(256)
)


def _token_set(folded_text: str) -> set[str]:
    """The distinct tokens of already folded text (what `token_texts` finds, as a set)."""
    found: set[str] = set()
    for chunk in set(folded_text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).split()):
        word = chunk.decode("utf-8", "surrogatepass")
        if word.isascii():
            found.add(word)
        else:  # may hold punctuation beyond ASCII too: tokenize it properly
            found.update(_token_pattern(word).findall(word))
    return found


@dataclass(frozen=True, slots=True)
class Token:
    """One indexed token, with the offsets of the word it came from in the original text."""

    start: int
    end: int
    folded: str
    stem: str


def words(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Each written word of `text`: its offsets and the folded tokens FTS5 will see in it."""
    translated = _translate(text)
    return [(m.start(), m.end(), _word_tokens(m.group())) for m in _RAW_WORD.finditer(translated)]


@lru_cache(maxsize=262144)
def _word_tokens(word: str) -> tuple[str, ...]:
    """The folded tokens FTS5 sees in one written word."""
    return tuple(_TOKEN.findall(fold(word)))


def tokens(text: str) -> list[Token]:
    """The tokens of `text` in index order, each with its stem and its word's offsets."""
    return [
        Token(start, end, part, stem)
        for start, end, parts in words(text)
        for part, stem in zip(parts, _word_stems(text[start:end].translate(_PUNCTUATION)))
    ]


def token_texts(folded_text: str) -> list[str]:
    """The tokens of already folded text."""
    return _token_pattern(folded_text).findall(folded_text)


class _Stemmer:
    """Stems tokens with SQLite's own porter tokenizer, so they agree with the index."""

    _LIMIT = 500_000

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(f"CREATE VIRTUAL TABLE words USING fts5(word, tokenize='{TOKENIZER}')")
        self._db.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(words, instance)")
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def stems(self, tokens: Iterable[str]) -> dict[str, str]:
        wanted = set(tokens)
        with self._lock:
            missing = [token for token in wanted if token not in self._cache]
            if missing:
                if len(self._cache) > self._LIMIT:
                    self._cache.clear()
                self._learn(missing)
            return {token: self._cache[token] for token in wanted}

    def _learn(self, missing: list[str]) -> None:
        with self._db:
            self._db.executemany("INSERT INTO words(rowid, word) VALUES (?, ?)", enumerate(missing, 1))
            for doc, term in self._db.execute("SELECT doc, term FROM terms WHERE offset = 0"):
                self._cache[missing[doc - 1]] = term
            self._db.execute("DELETE FROM words")
        for token in missing:
            self._cache.setdefault(token, token)


_STEMMER = _Stemmer()


def stems(tokens: Iterable[str]) -> dict[str, str]:
    """Each folded token mapped to the stem the index stores for it."""
    return _STEMMER.stems(tokens)


PrefixStems = Callable[[str], tuple[frozenset[str], str | None]]
"""Maps a folded prefix to the stems it matches, or (when they are too many) a stem prefix."""


class Matcher:
    """Finds where query terms occur in any text, as character ranges of the original."""

    def __init__(self, terms: Iterable[Term], prefix_stems: PrefixStems) -> None:
        self._words: set[str] = set()  # one-token terms: their stems
        self._sequences: list[tuple[str, ...]] = []  # phrases: their stems in order
        self._prefixes: list[tuple[frozenset[str], str | None]] = []
        for term in terms:
            if term.kind.value == "prefix":
                self._prefixes.append(prefix_stems(term.tokens[0]))
                continue
            stem_of = stems(term.tokens)
            sequence = tuple(stem_of[token] for token in term.tokens)
            if len(sequence) == 1:
                self._words.add(sequence[0])
            else:
                self._sequences.append(sequence)

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """The sorted, non-overlapping ranges of `text` covering every matched term."""
        found = _stemmed_words(text)
        words = self._words
        ranges = {(start, end) for start, end, stem in found if stem in words}
        for stem_set, prefix in self._prefixes:
            ranges.update(
                (start, end)
                for start, end, stem in found
                if stem in stem_set or (prefix and stem.startswith(prefix))
            )
        for sequence in self._sequences:
            size = len(sequence)
            stems_only = [stem for _, _, stem in found]
            for i in range(len(found) - size + 1):
                if stems_only[i] == sequence[0] and tuple(stems_only[i : i + size]) == sequence:
                    ranges.add((found[i][0], found[i + size - 1][1]))
        return _merge(sorted(ranges))


@lru_cache(maxsize=4096)
def _stemmed_words(text: str) -> list[tuple[int, int, str]]:
    """Each token of `text` as (start, end, stem), the offsets those of the word holding it.

    Kept for the last few thousand sentences: while a query is typed, the sentences of the
    report on view are matched again at every key. (Callers do not change the list.)
    """
    return [
        (match.start(), match.end(), stem)
        for match in _RAW_WORD.finditer(_translate(text))
        for stem in _word_stems(match.group())
    ]


@lru_cache(maxsize=262144)
def _word_stems(word: str) -> tuple[str, ...]:
    """The stems of the tokens FTS5 sees in one written word."""
    parts = _word_tokens(word)
    stem_of = stems(parts)
    return tuple(stem_of[part] for part in parts)


def _merge(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


_FLAT = str.maketrans("\n\r\t", "   ")

SNIPPET_CHARS = 200
"""The longest snippet, in characters (before its ellipses)."""


def snippet(text: str, spans: Sequence[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """A window of `text` of about `width` characters around its first matched span."""
    text = text.translate(_FLAT)
    if len(text) <= width:
        return text
    first = spans[0][0] if spans and spans[0][0] < len(text) else 0
    start = max(0, min(first - width // 3, len(text) - width))
    if start > 0:
        space = text.find(" ", start, first if first > start else None)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", max(start, first + 1), end)
        end = space if space != -1 else end
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
