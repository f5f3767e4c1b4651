"""Full-text search over the sentences of one or many reports (SQLite FTS5, BM25)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Collection, Iterable, Sequence

from tipbrowser.folding import TOKENIZER, Matcher, fold, fold_texts, stems, token_texts
from tipbrowser.hits import COUNT_LIMIT, RANK_LIMIT, Hit, SearchResult, hit_of_row
from tipbrowser.model import Report
from tipbrowser.filters import FilterSet, ReportFacts, resolve_filters
from tipbrowser.query import Query, Term, TermKind, literal, parse
from tipbrowser.regex_search import REGEX_SECONDS, TOO_LONG, compile_pattern, pattern_spans, scan

__all__ = ["Hit", "SearchResult", "SearchIndex", "fold", "RANK_LIMIT", "COUNT_LIMIT"]

_SCHEMA = f"""
CREATE TABLE reports(
    rid INTEGER PRIMARY KEY, report_id TEXT UNIQUE, country TEXT, country_as_written TEXT,
    year INTEGER, tier TEXT);
CREATE TABLE sentences(
    rowid INTEGER PRIMARY KEY, rid INTEGER, sentence_id TEXT, paragraph_id TEXT,
    section_id TEXT, section_kind TEXT, section_title TEXT, text TEXT);
CREATE INDEX sentences_rid ON sentences(rid);
CREATE TABLE vocabulary(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE body USING fts5(text, content='', prefix='1 2', tokenize='{TOKENIZER}');
"""

_PREFIX_EXPANSION = 256
"""A prefix that begins more words than this is matched on the stem instead."""

_SHORT_PREFIX = 2
"""A prefix this short is always matched on the stem, through FTS5's prefix index.

Stemming only rewrites the ends of words, so the stems of the words beginning with one or
two letters are the stems beginning with them: the same hits as expanding the prefix to
every such word, without an OR of hundreds of terms (8 ms and more at 5 MB, against 3)."""

_COLUMNS = "s.rowid, s.sentence_id, s.paragraph_id, s.section_id, s.section_kind, s.section_title, s.text, r.report_id"


class SearchIndex:
    """An index of every sentence of the reports added; safe to query from any thread."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(_SCHEMA)
        self._lock = threading.RLock()
        self._sections: list[tuple[str, str]] | None = None
        self._prefixes: dict[str, dict[str, str] | None] = {}
        self._words: set[str] | None = set()

    @classmethod
    def build(cls, reports: Iterable[Report]) -> SearchIndex:
        """An index of `reports`."""
        index = cls()
        index.extend(reports)
        return index

    def save(self, target: sqlite3.Connection) -> None:
        """Copy the whole index into `target` (an on-disk database, for a cache)."""
        with self._lock:
            self._db.backup(target)

    @classmethod
    def restore(cls, source: sqlite3.Connection) -> SearchIndex:
        """An index copied from `source`, as written by `save`."""
        index = cls()
        with index._lock:
            source.backup(index._db)
            index._words = None  # read from the copy when first needed
            index._db.execute("SELECT count(*) FROM body").fetchone()
        return index

    # -- adding -------------------------------------------------------------------------

    def add(self, report: Report) -> None:
        """Index every sentence of `report`, replacing an earlier report with the same id."""
        self.extend([report])

    def extend(self, reports: Iterable[Report]) -> None:
        """Add each of `reports` (as `add` does), in one transaction."""
        with self._lock, self._db:
            words: set[str] = set()
            for report in reports:
                words |= self._insert(report)
            known = self._known_words()
            new = sorted(words - known)
            self._db.executemany("INSERT OR IGNORE INTO vocabulary VALUES (?)", [(word,) for word in new])
            known.update(new)
            self._sections = None
            self._prefixes.clear()

    def _known_words(self) -> set[str]:
        """The words of the vocabulary table (read once, then kept in step with it)."""
        if self._words is None:
            self._words = {word for (word,) in self._db.execute("SELECT word FROM vocabulary")}
        return self._words

    def _insert(self, report: Report) -> set[str]:
        """Index `report`'s sentences; its words, as written and as folded, for the vocabulary."""
        found = list(report.sentences())
        texts = [sentence.text for _, _, sentence in found]
        self._remove(report.id)
        rid = self._db.execute(
            "INSERT INTO reports(report_id, country, country_as_written, year, tier) VALUES (?, ?, ?, ?, ?)",
            (report.id, report.country, report.country_as_written, report.year, report.tier.value if report.tier else None),
        ).lastrowid
        first = self._db.execute("SELECT coalesce(max(rowid), 0) + 1 FROM sentences").fetchone()[0]
        self._db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (first + i, rid, sentence.id, paragraph.id, section.id, section.kind.value, section.title, sentence.text)
                for i, (section, paragraph, sentence) in enumerate(found)
            ],
        )
        folded, words = fold_texts(texts)
        self._db.executemany("INSERT INTO body(rowid, text) VALUES (?, ?)", list(enumerate(folded, first)))
        return words

    def _remove(self, report_id: str) -> None:
        found = self._db.execute("SELECT rid FROM reports WHERE report_id = ?", (report_id,)).fetchone()
        if found is None:
            return
        rows = self._db.execute("SELECT rowid, text FROM sentences WHERE rid = ?", found).fetchall()
        self._db.executemany(
            "INSERT INTO body(body, rowid, text) VALUES ('delete', ?, ?)",
            zip([rowid for rowid, _ in rows], fold_texts([text for _, text in rows])[0]),
        )
        self._db.execute("DELETE FROM sentences WHERE rid = ?", found)
        self._db.execute("DELETE FROM reports WHERE rid = ?", found)

    # -- searching ----------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        regex: bool = False,
        ranked: bool = True,
        report_ids: Collection[str] | None = None,
    ) -> SearchResult:
        """The sentences matching `query`, best first (or in reading order if not `ranked`)."""
        limit, offset = max(0, limit), max(0, offset)
        with self._lock:
            rids = self._rids(report_ids)
            if regex:
                return self._regex(query, limit, offset, rids)
            parsed = parse(query)
            notice = parsed.notice
            if parsed.problem or (parsed.empty and token_texts(fold(query))):
                if parsed.problem:
                    notice = f"Matched the words literally: {parsed.problem}."
                parsed = literal(query)
            if parsed.empty:
                return SearchResult(query, 0, (), notice or "Nothing to search for.")
            filters = self._filters(parsed, rids)
            notice = notice or filters.notice
            return self._run(parsed, filters, limit, offset, ranked, notice)

    def _run(
        self, parsed: Query, filters: FilterSet, limit: int, offset: int, ranked: bool, notice: str | None
    ) -> SearchResult:
        positive = self._expression(parsed.groups, all_of=True)
        negative = self._expression([[term] for term in parsed.excluded], all_of=False)
        if positive is None and parsed.groups:
            return SearchResult(parsed.text, 0, (), notice)
        where, params = filters.sql()
        if positive is None:
            if negative is not None:
                where.append("s.rowid NOT IN (SELECT rowid FROM body WHERE body MATCH ?)")
                params.append(negative)
            source, rowid = "sentences s", "s.rowid"
            clause = " AND ".join(where) or "1"
        else:
            match = positive if negative is None else f"({positive}) NOT ({negative})"
            source, rowid = ("body JOIN sentences s ON s.rowid = body.rowid" if where else "body"), "body.rowid"
            clause = " AND ".join(["body MATCH ?", *self._rowid_range(filters.rids), *where])
            params = [match, *params]
        # One pass finds the hits in reading order, as many as are counted.
        sql = f"SELECT {rowid} FROM {source} WHERE {clause} ORDER BY {rowid}"
        counted = [row for (row,) in self._db.execute(f"{sql} LIMIT {COUNT_LIMIT + 1}", params)]
        total = len(counted)
        ranked = ranked and positive is not None and total > 0
        if ranked and total > RANK_LIMIT:
            ranked = False
            notice = notice or f"Over {RANK_LIMIT:,} hits, shown in reading order: add words to rank them."
        if ranked:
            found = self._ranked(parsed, source, clause, params, limit, offset)
        elif offset + limit <= total or total <= COUNT_LIMIT:
            found = [(row, 0.0) for row in counted[offset : offset + limit]]
        else:
            found = [(row, 0.0) for (row,) in self._db.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])]
        matcher = Matcher(parsed.terms, self._prefix_stems)
        hits = tuple(hit_of_row(row, matcher.spans(row[6])) for row in self._rows(found))
        return SearchResult(parsed.text, min(total, COUNT_LIMIT), hits, notice, total <= COUNT_LIMIT)

    def _ranked(
        self, parsed: Query, source: str, clause: str, params: list[object], limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """(rowid, score) of the best hits by BM25, the query's words as a phrase counting extra."""
        params = [self._boosted(parsed, str(params[0])), *params[1:]]
        sql = (
            f"SELECT body.rowid, -bm25(body) AS score FROM {source} WHERE {clause} "
            "ORDER BY score DESC, body.rowid LIMIT ? OFFSET ?"
        )
        return [(row, float(score)) for row, score in self._db.execute(sql, [*params, limit, offset])]

    @staticmethod
    def _boosted(parsed: Query, match: str) -> str:
        """`match` ORed with the query's words as one phrase, so BM25 favours them together."""
        words = [group[0] for group in parsed.groups if len(group) == 1 and group[0].kind is TermKind.WORD]
        if len(words) < 2 or len(words) != len(parsed.groups):
            return match
        return f"({match}) OR {_quote(' '.join(token for term in words for token in term.tokens))}"

    def _rows(self, found: list[tuple[int, float]]) -> list[tuple]:  # type: ignore[type-arg]
        """The sentence rows for (rowid, score) pairs, in the same order, each ending with its score."""
        if not found:
            return []
        marks = ", ".join("?" * len(found))
        rows = {
            row[0]: row
            for row in self._db.execute(
                f"SELECT {_COLUMNS} FROM sentences s JOIN reports r ON r.rid = s.rid WHERE s.rowid IN ({marks})",
                [rowid for rowid, _ in found],
            )
        }
        return [(*rows[rowid], score) for rowid, score in found]

    def _expression(self, groups: list[list[Term]], *, all_of: bool) -> str | None:
        """The FTS5 expression for `groups` (all of them, or any), or None if nothing can match."""
        parts = []
        for group in groups:
            alternatives = [text for term in group if (text := self._term_expression(term))]
            if not alternatives:
                if all_of:
                    return None
                continue
            parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
        if not parts:
            return None
        return (" AND " if all_of else " OR ").join(parts)

    def _term_expression(self, term: Term) -> str | None:
        if term.kind is not TermKind.PREFIX:
            return _quote(" ".join(term.tokens))
        expansion = self._prefix_expansion(term.tokens[0])
        if expansion is None:
            return _quote(term.tokens[0]) + "*"
        words = sorted(expansion.values())
        if len(words) <= 1:
            return _quote(words[0]) if words else None
        return "(" + " OR ".join(_quote(word) for word in words) + ")"

    def _prefix_expansion(self, prefix: str) -> dict[str, str] | None:
        """Each stem of the words that begin with `prefix`, with one of those words (folded).

        None when more than `_PREFIX_EXPANSION` words begin with it: then the prefix is
        matched on the stems themselves (as FTS5 does).
        """
        with self._lock:
            if len(prefix) <= _SHORT_PREFIX:
                return None
            if prefix not in self._prefixes:
                words = [
                    word
                    for (word,) in self._db.execute(
                        "SELECT word FROM vocabulary WHERE word >= ? AND word < ? LIMIT ?",
                        (prefix, prefix + "\U0010ffff", _PREFIX_EXPANSION + 1),
                    )
                ]
                expansion = None
                if len(words) <= _PREFIX_EXPANSION:
                    folded = {fold(word) for word in words}
                    stem_of = stems(folded)
                    expansion = {stem_of[word]: word for word in sorted(folded, reverse=True)}
                if len(self._prefixes) > 1024:
                    self._prefixes.clear()
                self._prefixes[prefix] = expansion
            return self._prefixes[prefix]

    def _prefix_stems(self, prefix: str) -> tuple[frozenset[str], str | None]:
        """The stems a prefix term matches: a set, or (when there are too many) a stem prefix."""
        expansion = self._prefix_expansion(prefix)
        if expansion is None:
            return frozenset(), stems([prefix])[prefix]
        return frozenset(expansion), None

    # -- services for other modules ---------------------------------------------------

    def bm25(
        self,
        terms: Sequence[str],
        *,
        report_id: str | None = None,
        exclude_section_kinds: Collection[str] = (),
        limit: int = 50,
    ) -> list[tuple[str, float]]:
        """Sentences matching any of `terms` (words or phrases), best first, with their scores."""
        phrases = sorted({" ".join(tokens) for term in terms if (tokens := token_texts(fold(term)))})
        if not phrases or limit <= 0:
            return []
        where, params = ["body MATCH ?"], [" OR ".join(_quote(phrase) for phrase in phrases)]
        if report_id is not None:
            where.append("s.rid = (SELECT rid FROM reports WHERE report_id = ?)")
            params.append(report_id)
        kinds = [str(getattr(kind, "value", kind)) for kind in exclude_section_kinds]
        if kinds:
            where.append(f"s.section_kind NOT IN ({', '.join('?' * len(kinds))})")
            params.extend(kinds)
        sql = (
            "SELECT s.sentence_id, -bm25(body) AS score FROM body JOIN sentences s ON s.rowid = body.rowid "
            f"WHERE {' AND '.join(where)} ORDER BY score DESC, s.rowid LIMIT ?"
        )
        with self._lock:
            return [(sid, float(score)) for sid, score in self._db.execute(sql, [*params, limit])]

    def match_spans(self, query: str, text: str, *, regex: bool = False) -> tuple[tuple[int, int], ...]:
        """The ranges of `text` that `query` matches, as search would highlight them."""
        if regex:
            compiled, _ = compile_pattern(query)
            try:
                return () if compiled is None else pattern_spans(compiled, text, REGEX_SECONDS)
            except TimeoutError:
                return ()
        parsed = parse(query)
        if parsed.problem or parsed.empty:
            parsed = literal(query)
        return Matcher(parsed.terms, self._prefix_stems).spans(text)

    def words(self) -> set[str]:
        """Every word indexed (folded, as written and in its US spelling)."""
        with self._lock:
            return set(self._known_words())

    def report_ids(self) -> list[str]:
        """The ids of the reports indexed, in the order they were added."""
        with self._lock:
            return [rid for (rid,) in self._db.execute("SELECT report_id FROM reports ORDER BY rid")]

    def __len__(self) -> int:
        """The number of sentences indexed."""
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM sentences").fetchone()[0])

    # -- internals --------------------------------------------------------------------

    def _rids(self, report_ids: Collection[str] | None) -> list[int] | None:
        if report_ids is None:
            return None
        wanted = list(report_ids)
        marks = ", ".join("?" * len(wanted))
        return [rid for (rid,) in self._db.execute(f"SELECT rid FROM reports WHERE report_id IN ({marks})", wanted)]

    def _rowid_range(self, rids: Collection[int] | None) -> list[str]:
        """A condition FTS5 can seek by: the rowids of the reports `rids` (each report's are contiguous).

        Without it, matches in one report are found by reading every match in the index.
        """
        if rids is None:
            return []
        marks = ", ".join(str(int(rid)) for rid in rids) or "NULL"
        low, high = self._db.execute(f"SELECT min(rowid), max(rowid) FROM sentences WHERE rid IN ({marks})").fetchone()
        return [] if low is None else [f"body.rowid BETWEEN {int(low)} AND {int(high)}"]

    def _filters(self, parsed: Query, rids: list[int] | None) -> FilterSet:
        if not parsed.filters:
            return FilterSet(rids=None if rids is None else frozenset(rids))
        if self._sections is None:
            self._sections = self._db.execute("SELECT DISTINCT section_kind, section_title FROM sentences").fetchall()
        reports = [
            ReportFacts(*row)
            for row in self._db.execute("SELECT rid, report_id, country, country_as_written, year, tier FROM reports")
        ]
        return resolve_filters(parsed.filters, reports, self._sections, rids)

    def _regex(self, pattern: str, limit: int, offset: int, rids: list[int] | None) -> SearchResult:
        compiled, notice = compile_pattern(pattern)
        if compiled is None:
            return SearchResult(pattern, 0, (), notice)
        where = f"WHERE s.rid IN ({', '.join(map(str, rids))})" if rids is not None else ""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM sentences s JOIN reports r ON r.rid = s.rid {where} ORDER BY s.rowid"
        )
        total, kept, finished = scan(compiled, ((row, row[6]) for row in rows), limit, offset)
        hits = tuple(hit_of_row((*row, 0.0), spans) for row, spans in kept)
        return SearchResult(pattern, total, hits, None if finished else TOO_LONG, finished)


def _quote(text: str) -> str:
    """`text` as an FTS5 string (a phrase of its tokens)."""
    return '"' + text.replace('"', '""') + '"'


