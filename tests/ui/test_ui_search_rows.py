"""The Search tab's rows and the bar's history, without the app."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tipbrowser.search import SearchIndex, SearchResult
from tipbrowser.ui.search_controller import match_spans
from tipbrowser.ui.search_rows import count_label, group_hits, snippet_window, status_line
from tipbrowser.ui.widgets.search_bar import QueryHistory


def test_counts_read_as_a_person_would_say_them() -> None:
    assert count_label(SearchResult("q", 0, (), None), 0) == "No hits"
    assert count_label(SearchResult("q", 1, (), None), 0) == "1 hit"
    assert count_label(SearchResult("q", 1234, (), None), 0) == "1,234 hits"
    assert count_label(SearchResult("q", 5000, (), None, total_exact=False), 0) == "at least 5,000 hits"
    assert count_label(SearchResult("q", 80, (), None), 50) == "80 hits (first 50 listed)"


def test_the_bar_gives_the_engine_notice_in_brief() -> None:
    literal = SearchResult("q", 3, (), "Matched the words literally: a quote is not closed.")
    assert status_line(literal) == "3 hits · matched the words literally"
    many = SearchResult("q", 1205, (), "Over 1,000 hits, shown in reading order: add words to rank them.")
    assert status_line(many) == "1,205 hits · shown in reading order"
    slow = SearchResult("q", 7, (), "The pattern took too long; the hits shown are those found before it was stopped.")
    assert status_line(slow) == "7 hits · the pattern took too long"


def test_a_snippet_keeps_the_match_and_its_ranges_point_at_it() -> None:
    text = "x " * 200 + "the labour inspectorate visited" + " y" * 200
    start = text.index("labour")
    snippet, spans = snippet_window(text, [(start, start + 6)], width=60)
    assert snippet.startswith("…") and snippet.endswith("…") and len(snippet) <= 62
    assert [snippet[low:high] for low, high in spans] == ["labour"]


@given(st.text(max_size=300), st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=5))
def test_snippet_ranges_always_lie_inside_the_snippet(text: str, pairs: list[tuple[int, int]]) -> None:
    spans = sorted((min(a, b), max(a, b)) for a, b in pairs)
    snippet, shifted = snippet_window(text, spans, width=40)
    assert all(0 <= low < high <= len(snippet) for low, high in shifted)
    assert not any(ord(char) < 32 for char in snippet)


def test_hits_group_by_section_in_the_order_of_their_best_hit(norway) -> None:
    index = SearchIndex.build([norway])
    result = index.search("shelter", limit=30)
    groups = group_hits(result)
    firsts = [group.rows[0].number for group in groups]
    assert firsts == sorted(firsts) and firsts[0] == 0
    assert sum(len(group.rows) for group in groups) == len(result.hits)
    named = group_hits(result, {norway.id: "Norway 2025"})
    assert all(group.title.startswith("Norway 2025 · ") for group in named)


def test_match_spans_are_report_offsets_of_the_matched_words(norway) -> None:
    index = SearchIndex.build([norway])
    result = index.search("prosecuted", limit=5000, ranked=False)
    matches = match_spans(norway, result)
    assert matches and [m.span.start for m in matches] == sorted(m.span.start for m in matches)
    assert {m.span.slice(norway.text).lower() for m in matches} <= {"prosecuted", "prosecute", "prosecutes", "prosecution", "prosecutions", "prosecuting"}


def test_history_recalls_older_then_newer_then_the_draft() -> None:
    history = QueryHistory(limit=3)
    for query in ("police", "shelter", "police", "hotline", "  "):
        history.remember(query)
    assert history.entries == ["shelter", "police", "hotline"]
    assert history.older("draft") == "hotline"
    assert history.older("hotline") == "police"
    assert history.older("police") == "shelter"
    assert history.older("shelter") is None
    assert history.newer() == "police"
    assert history.newer() == "hotline"
    assert history.newer() == "draft"
    assert history.newer() is None
    history.remember("labor")
    assert history.entries == ["police", "hotline", "labor"]
