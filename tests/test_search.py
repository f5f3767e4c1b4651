"""The search index: matching, ranking, filters, highlights and hostile queries."""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipbrowser.model import Report
from tipbrowser.parser import parse_path, parse_text
from tipbrowser.search import SearchIndex, SearchResult

FIXTURES = Path(__file__).parent / "fixtures" / "search"


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    """Two small narratives: Freedonia 2023 (Tier 2 Watch List) and Ruritania 2021 (Tier 3)."""
    return [parse_path(path) for path in sorted(FIXTURES.glob("*.txt"))]


@pytest.fixture(scope="module")
def index(reports: list[Report]) -> SearchIndex:
    return SearchIndex.build(reports)


def ids(result: SearchResult) -> list[str]:
    return [hit.sentence_id for hit in result.hits]


def matched(result: SearchResult) -> set[str]:
    """Every highlighted piece of text, lower-cased."""
    return {hit.text[start:end].lower() for hit in result.hits for start, end in hit.spans}


def test_stemming_finds_every_form(index: SearchIndex) -> None:
    result = index.search("prosecuted")
    assert matched(result) == {"prosecuted", "prosecute", "prosecution"}
    assert "freedonia-2023/prosecution/p1/s1" in ids(result)  # "a single prosecution"


def test_a_phrase_beats_scattered_words(index: SearchIndex) -> None:
    hits = index.search("forced labor", limit=50).hits
    together = {"freedonia-2023/protection/p1/s4", "freedonia-2023/profile/p1/s2"}
    scattered = {"freedonia-2023/prosecution/p1/s3", "freedonia-2023/protection/p1/s3"}
    found = [hit.sentence_id for hit in hits]
    assert together <= set(found) and scattered <= set(found)
    assert max(found.index(i) for i in together) < min(found.index(i) for i in scattered)


def test_a_quoted_phrase_needs_its_words_together(index: SearchIndex) -> None:
    found = set(ids(index.search('"forced labor"', limit=50)))
    assert "freedonia-2023/protection/p1/s4" in found
    assert "freedonia-2023/protection/p1/s3" not in found  # "labor inspector forced"


def test_prefix(index: SearchIndex) -> None:
    assert matched(index.search("traffickin*", limit=50)) >= {"trafficking", "traffickers", "trafficker"}
    assert matched(index.search("counsel*")) == {"counselling"}
    assert index.search("zzz*").total == 0


def test_a_prefix_of_either_spelling_finds_both(index: SearchIndex) -> None:
    assert matched(index.search("labou*", limit=50)) >= {"labour", "labor"}
    uk, us = matched(index.search("criminalis*")), matched(index.search("criminaliz*"))
    assert uk == us and "criminalise" in uk


def test_a_short_prefix_still_matches(index: SearchIndex) -> None:
    result = index.search("s*", limit=200)
    assert result.total > 0
    assert all(piece.startswith("s") for piece in matched(result))


def test_exclusion(index: SearchIndex) -> None:
    with_hotline = set(ids(index.search("government", limit=50)))
    without = set(ids(index.search("government -hotline", limit=50)))
    assert "freedonia-2023/prevention/p1/s1" in with_hotline - without
    assert without < with_hotline


def test_exclusion_alone_lists_everything_else(index: SearchIndex, reports: list[Report]) -> None:
    everything = sum(1 for report in reports for _ in report.sentences())
    result = index.search("-labor", limit=100)
    assert result.total == everything - index.search("labor").total
    assert not any("labo" in hit.text.lower() for hit in result.hits)


def test_or(index: SearchIndex) -> None:
    result = index.search("hotline OR corruption")
    assert matched(result) == {"hotline", "corruption"}
    assert result.total == 2


def test_section_filter(index: SearchIndex) -> None:
    result = index.search("section:protection victims", limit=50)
    assert result.total == 3
    assert {hit.section_kind for hit in result.hits} == {"protection"}
    assert index.search("section:profile victims").total == 2
    assert index.search("section:summary authorities").total == 1


def test_country_year_and_tier_filters(index: SearchIndex) -> None:
    assert {h.report_id for h in index.search("country:ruritania victims").hits} == {"ruritania-2021"}
    assert {h.report_id for h in index.search("-country:ruritania victims").hits} == {"freedonia-2023"}
    assert {h.report_id for h in index.search("year:2023 victims").hits} == {"freedonia-2023"}
    assert {h.report_id for h in index.search("year:2020-2022 victims").hits} == {"ruritania-2021"}
    for tier in ('tier:"2 watch list"', "tier:2wl", "tier:2WL", 'tier:"Tier 2 Watch List"'):
        assert {h.report_id for h in index.search(f"{tier} victims").hits} == {"freedonia-2023"}, tier
    assert {h.report_id for h in index.search("tier:3 victims").hits} == {"ruritania-2021"}


def test_a_filter_that_matches_nothing_says_so(index: SearchIndex) -> None:
    result = index.search("tier:1 victims")
    assert result.total == 0
    assert result.notice and "tier:1" in result.notice


def test_filters_alone_list_the_sentences_in_reading_order(index: SearchIndex) -> None:
    result = index.search("country:freedonia section:prevention")
    assert ids(result) == ["freedonia-2023/prevention/p1/s1", "freedonia-2023/prevention/p1/s2"]


@pytest.mark.parametrize(("query", "written"), [("labour", "labor"), ("labor", "labour"), ("programs", "programmes")])
def test_spelling_folds_both_ways(index: SearchIndex, query: str, written: str) -> None:
    assert written in matched(index.search(query, limit=50))


def test_criminalize_finds_criminalise(index: SearchIndex) -> None:
    assert "criminalise" in matched(index.search("criminalize"))


def test_curly_and_straight_apostrophes_match(index: SearchIndex) -> None:
    straight = index.search("children's rights")
    curly = index.search("children’s rights")
    assert ids(straight) == ids(curly) == ["freedonia-2023/prevention/p1/s2"]
    assert matched(straight) == {"children’s", "rights"}


def test_curly_quotes_make_a_phrase(index: SearchIndex) -> None:
    assert ids(index.search("“safe harbor”")) == ["freedonia-2023/protection/p1/s2"]


def test_diacritics_fold_away(index: SearchIndex) -> None:
    assert matched(index.search("porto")) == {"pôrto"}
    assert matched(index.search("PÔRTO")) == {"pôrto"}


def test_nfd_text_is_found_by_an_nfc_query(index: SearchIndex) -> None:
    nfc = unicodedata.normalize("NFC", "Strélsau")
    result = index.search(nfc)
    assert result.total == 2
    for hit in result.hits:  # the fixture spells it with a combining accent
        assert [hit.text[s:e] for s, e in hit.spans] == [unicodedata.normalize("NFD", nfc)]


def test_highlights_cover_exactly_the_matched_terms(index: SearchIndex) -> None:
    hit = index.search('"safe harbour" ministry').hits[0]
    assert hit.text == "The ministry funded the “Safe Harbour” centre in Pôrto Nuevo."
    assert [hit.text[s:e] for s, e in hit.spans] == ["ministry", "Safe Harbour"]
    assert hit.spans == ((4, 12), (25, 37))


def test_exclusions_and_filters_are_not_highlighted(index: SearchIndex) -> None:
    hit = index.search("victims -hotline section:protection").hits[0]
    assert [hit.text[s:e] for s, e in hit.spans] == ["victims"]


def test_hits_carry_their_ids(index: SearchIndex) -> None:
    hit = index.search("hotline").hits[0]
    assert (hit.report_id, hit.section_id, hit.paragraph_id, hit.sentence_id) == (
        "freedonia-2023",
        "freedonia-2023/prevention",
        "freedonia-2023/prevention/p1",
        "freedonia-2023/prevention/p1/s1",
    )
    assert (hit.section_kind, hit.section_title) == ("prevention", "PREVENTION")
    assert hit.score > 0
    assert hit.snippet == hit.text


def test_a_long_sentence_gets_a_snippet_around_the_hit() -> None:
    words = " ".join(f"filler{i}" for i in range(80))
    report = _one_report(f"{words} needle {words}.")
    hit = SearchIndex.build([report]).search("needle").hits[0]
    assert "needle" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < len(hit.text) // 2


def test_many_hits_come_in_reading_order_with_a_notice(index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    ranked = index.search("victims", limit=100)
    assert ranked.notice is None and ranked.hits[0].score > 0
    monkeypatch.setattr("tipbrowser.search.RANK_LIMIT", 3)
    result = index.search("victims", limit=100)
    assert result.notice and "reading order" in result.notice
    assert ids(result) == ids(index.search("victims", ranked=False, limit=100))
    assert {hit.sentence_id for hit in result.hits} == {hit.sentence_id for hit in ranked.hits}


def test_counting_stops_at_the_count_limit(index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = index.search("victims")
    assert exact.total_exact and exact.total == 5
    monkeypatch.setattr("tipbrowser.search.COUNT_LIMIT", 3)
    capped = index.search("victims", limit=2)
    assert (capped.total, capped.total_exact, len(capped.hits)) == (3, False, 2)
    monkeypatch.setattr("tipbrowser.search.COUNT_LIMIT", 5)
    assert index.search("victims").total_exact


def test_limit_offset_and_total(index: SearchIndex) -> None:
    every = ids(index.search("government", limit=100))
    assert ids(index.search("government", limit=2, offset=1)) == every[1:3]
    assert index.search("government", limit=2).total == len(every)


def test_unranked_results_come_in_reading_order(index: SearchIndex) -> None:
    result = index.search("victims", ranked=False, limit=100)
    rows = {sid: i for i, sid in enumerate(r.id for rep in index_reports(index) for _, _, r in rep.sentences())}
    order = [rows[sid] for sid in ids(result)]
    assert order == sorted(order)
    assert result.total == index.search("victims").total


def index_reports(index: SearchIndex) -> list[Report]:
    return [parse_path(path) for path in sorted(FIXTURES.glob("*.txt")) if parse_path(path).id in index.report_ids()]


def test_report_ids_restrict_the_search(index: SearchIndex) -> None:
    result = index.search("victims", report_ids=["ruritania-2021"], limit=50)
    assert result.total > 0 and {h.report_id for h in result.hits} == {"ruritania-2021"}
    assert index.search("victims", report_ids=[]).total == 0


def test_adding_a_report_again_replaces_it(reports: list[Report]) -> None:
    index = SearchIndex.build(reports)
    index.add(reports[0])
    assert index.search("hotline").total == 1
    assert index.report_ids() == ["ruritania-2021", "freedonia-2023"]
    assert len(index) == sum(1 for report in reports for _ in report.sentences())


def test_bm25_ors_terms_and_phrases(index: SearchIndex) -> None:
    scored = index.bm25(["hotline", "forced labour"], report_id="freedonia-2023")
    found = [sid for sid, _ in scored]
    assert "freedonia-2023/prevention/p1/s1" in found
    assert "freedonia-2023/protection/p1/s4" in found
    assert "freedonia-2023/protection/p1/s3" not in found  # labor and forced, not the phrase
    assert all(sid.startswith("freedonia-2023/") for sid in found)
    assert [score for _, score in scored] == sorted((score for _, score in scored), reverse=True)


def test_bm25_leaves_out_section_kinds(index: SearchIndex) -> None:
    found = index.bm25(["labor"], exclude_section_kinds={"recommendations", "profile"}, limit=100)
    assert found and not any("/recommendations/" in s or "/profile/" in s for s, _ in found)
    assert index.bm25(["!!"]) == []


def test_match_spans_highlights_any_text(index: SearchIndex) -> None:
    text = "Prosecuted labour on; LABOR laws."
    assert index.match_spans("prosecute labor", text) == ((0, 10), (11, 17), (22, 27))
    assert index.match_spans(r"lab\w+", text, regex=True) == ((11, 17), (22, 27))


HOSTILE = [
    "(",
    "[",
    '"',
    "*",
    "-",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    ")",
    '""',
    "a" * 5000,
    "victims " * 700,
    "forced\nlabor\r\n-x",
    "\x1b[31mred\x1b[0m",
    "\x00\x07\u202e",
    "col:",
    "year:abc victims",
    "tier:9",
    "^victims",
    "victims:",
    "'",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert all(0 <= s < e <= len(hit.text) for s, e in hit.spans)


def test_an_unparsable_query_falls_back_to_its_words(index: SearchIndex) -> None:
    result = index.search('"hotline')
    assert ids(result) == ["freedonia-2023/prevention/p1/s1"]
    assert result.notice and "literally" in result.notice


def test_regex_mode_matches_the_original_text(index: SearchIndex) -> None:
    result = index.search(r"\d+ (calls|victims)", regex=True)
    assert matched(result) == {"120 calls", "40 victims"}
    assert result.notice is None and result.total_exact
    assert [hit.sentence_id.split("/", 1)[1] for hit in result.hits] == ["protection/p1/s1", "prevention/p1/s1"]


def test_a_catastrophic_pattern_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tipbrowser.regex_search.REGEX_SECONDS", 0.05)
    report = _one_report("a" * 40 + "b.")
    result = SearchIndex.build([report]).search("(a|aa)+$", regex=True)
    assert result.notice and "pattern took too long" in result.notice
    assert not result.total_exact


@pytest.mark.parametrize("pattern", ["a{99999999999}", "(" * 5000, "(" * 499 + "a" + ")" * 499, "[", "(?P<"])
def test_bad_patterns_say_so(index: SearchIndex, pattern: str) -> None:
    result = index.search(pattern, regex=True)
    assert result.total == 0
    assert result.notice


def test_the_index_can_be_queried_from_other_threads(index: SearchIndex) -> None:
    results: list[int] = []

    def work() -> None:
        for _ in range(20):
            results.append(index.search("victims").total)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 80 and len(set(results)) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*'ab -*"():\'“’é\u0301\n', "OR", "AND", "NEAR", "tier:", "section:", "2wl"]), max_size=20).map("".join))
def test_query_language_soup_never_raises(index: SearchIndex, query: str) -> None:
    _check(index.search(query))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_queries_never_raise(index: SearchIndex, query: str) -> None:
    _check(index.search(query))
    _check(index.search(query, regex=True))


def _check(result: SearchResult) -> None:
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert all(0 <= s < e <= len(hit.text) for s, e in hit.spans)


def _one_report(sentence: str) -> Report:
    return parse_text(
        f"2020 Trafficking in Persons Report: Testland\n\nTESTLAND (Tier 1)\n\n{sentence}\n",
        source="testland-2020.txt",
    )
