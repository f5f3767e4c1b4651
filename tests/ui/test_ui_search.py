"""Search in the app (Pilot, through `make_app`): typing, the Search tab, highlights, n/N, &, esc."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tipbrowser.folding import fold
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.search_controller import CURRENT_MATCH_LAYER, MATCH_LAYER
from tipbrowser.ui.widgets.search_bar import SearchBar
from tipbrowser.ui.widgets.search_results import SearchResults

WIDE = (160, 48)


async def until(pilot: Pilot, condition: Callable[[], object], what: str) -> None:
    """Let the app run until `condition()` holds (workers run in threads)."""
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never happened: {what}")


async def type_query(pilot: Pilot, app: TipBrowserApp, query: str, *, by_key: bool = False) -> None:
    """Open the bar, enter `query` (`by_key`: typed key by key), and wait for its list and matches."""
    await pilot.press("slash")
    await pilot.pause()
    if by_key:
        for char in query:
            await pilot.press(char if char != " " else "space")
    else:
        app.reading.query_one(SearchBar).set_query(query)
    search = app.reading.search
    await until(pilot, lambda: search.result is not None and search.result.query == query and search.settled, query)


def notices(app: TipBrowserApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_typing_lists_hits_counts_them_and_highlights_exactly_the_terms() -> None:
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await type_query(pilot, app, "victim", by_key=True)
        screen = app.reading
        result = screen.search.result
        assert result is not None and result.total > 10
        bar = screen.query_one(SearchBar)
        assert bar.status == f"{result.total} hits"
        results = screen.query_one(SearchResults)
        assert results.result is result
        assert screen.side_panel.active_tab == "search"
        # every listed hit is a sentence holding the word, grouped under a section header
        titles = [str(option.prompt) for option in results.hits.options if option.disabled]
        assert "PROTECTION" in titles
        # the highlights are exactly the words victim/victims, and every one in the report
        spans = screen.document.highlights(MATCH_LAYER)
        words = {fold(span.slice(app.report.text)) for span in spans}
        assert words <= {"victim", "victims"} and "victims" in words
        everywhere = sum(fold(s.text).count("victim") for _, _, s in app.report.sentences())
        assert len(spans) == everywhere


async def test_only_the_newest_query_is_shown() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        for char in "shelterz":
            await pilot.press(char)
        await pilot.press("backspace")
        search = app.reading.search
        await until(pilot, lambda: search.result is not None and search.result.query == "shelter" and search.settled, "shelter")
        assert search.result is not None and search.result.query == "shelter" and search.result.total > 0
        assert search.matches and all(
            fold(match.span.slice(app.report.text)).startswith("shelter") for match in search.matches
        )


async def test_enter_in_the_bar_reads_the_best_hit_and_enter_in_the_list_reads_that_hit() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, app, "labor inspectorate")
        result = app.reading.search.result
        assert result is not None and len(result.hits) > 2
        await pilot.press("enter")
        await pilot.pause()
        document = app.reading.document
        assert document.current_sentence == result.hits[0].sentence_id
        assert app.focused is document
        assert app.reading.history.can_go_back
        await pilot.press("5")
        await pilot.pause()
        results = app.reading.query_one(SearchResults)
        assert app.focused is results.hits
        await pilot.press("down")
        picked = results.selected
        assert picked is not None and picked.sentence_id != result.hits[0].sentence_id
        await pilot.press("enter")
        await pilot.pause()
        assert document.current_sentence == picked.sentence_id
        assert app.reading.document.highlights(CURRENT_MATCH_LAYER)


async def test_n_and_shift_n_walk_the_matches_in_reading_order_and_wrap() -> None:
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await type_query(pilot, app, "shelter")
        app.reading.document.focus()
        app.reading.document.go_to(app.report.id, jump=False)
        await pilot.pause()
        search = app.reading.search
        seen = []
        for _ in range(len(search.matches)):
            await pilot.press("n")
            assert search.current_match is not None
            seen.append(search.current_match.span.start)
            assert app.reading.document.current_sentence == search.current_match.sentence_id
        assert seen == sorted(seen) == [match.span.start for match in search.matches]
        assert not any("wrapped" in text for text in notices(app))
        await pilot.press("n")
        assert search.current_match == search.matches[0]
        assert any("wrapped round to the top" in text for text in notices(app))
        await pilot.press("N")
        assert search.current_match == search.matches[-1]
        assert any("wrapped round to the end" in text for text in notices(app))
        await pilot.press("N")
        assert search.current_match == search.matches[-2]


async def test_ampersand_shows_only_matching_paragraphs_and_escape_clears_everything() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, app, "hotline")
        app.reading.document.focus()
        await pilot.press("ampersand")
        await pilot.pause()
        document = app.reading.document
        state = document.state
        assert state is not None and state.shown is not None
        shown = {state.blocks[n].node_id for n in state.shown if state.blocks[n].kind.value == "paragraph"}
        assert shown == {match.paragraph_id for match in app.reading.search.matches}
        assert 0 < len(shown) < len(list(p for s in app.report.sections for p in s.paragraphs))
        assert all("hotline" in fold(line) for line in document.rendered_lines() if "hotline" in line.lower())
        await pilot.press("ampersand")
        assert state.shown is None
        await pilot.press("ampersand")
        await pilot.press("escape")
        await pilot.pause()
        assert state.shown is None
        assert not document.highlights(MATCH_LAYER)
        bar = app.reading.query_one(SearchBar)
        assert not bar.display and bar.value == ""
        assert app.reading.query_one(SearchResults).result is None


async def test_up_and_down_in_the_bar_recall_earlier_queries() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        for query in ("police", "shelter"):
            await type_query(pilot, app, query)
            await pilot.press("enter")
        await pilot.press("slash")
        bar = app.reading.query_one(SearchBar)
        assert app.focused is bar.query_one(Input)
        await pilot.press("ctrl+u" if bar.value else "end")
        bar.set_query("")
        await pilot.press("p")
        await pilot.press("up")
        assert bar.value == "shelter"
        await pilot.press("up")
        assert bar.value == "police"
        await pilot.press("up")
        assert bar.value == "police"
        await pilot.press("down", "down")
        assert bar.value == "p"


async def test_a_catastrophic_regex_says_it_took_too_long_and_the_app_keeps_answering(synthetic) -> None:
    report = synthetic(["a" * 40 + "b trafficking.", "Plain words about shelters."])
    app = TipBrowserApp([report])
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("slash")
        await pilot.press("ctrl+r")
        bar = app.reading.query_one(SearchBar)
        assert bar.regex and "regex" in str(bar.query_one("#search-mode").render())
        bar.set_query("(a|aa)+$")
        await until(pilot, lambda: "the pattern took too long" in bar.status and app.reading.search.settled, "too long notice")
        assert "took too long" in str(app.reading.query_one("#search-count").render())
        await pilot.press("ctrl+r")
        assert not bar.regex
        bar.set_query("shelters")
        search = app.reading.search
        await until(pilot, lambda: search.result is not None and search.result.query == "shelters", "words again")
        assert search.result is not None and search.result.total == 1


async def test_an_unparseable_query_is_matched_literally_and_says_so() -> None:
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await type_query(pilot, app, '"forced labor')
        result = app.reading.search.result
        assert result is not None and result.total > 0
        assert app.reading.query_one(SearchBar).status == f"{result.total:,} hits · matched the words literally"
        assert not notices(app)  # quietly: no pop-up
        assert "literally" in str(app.reading.query_one("#search-count").render())


async def test_hits_from_several_reports_are_grouped_by_report_and_a_pick_switches_report(tmp_path: Path) -> None:
    from tipbrowser.bundled import bundled_path

    text = bundled_path().read_text(encoding="utf-8")
    (tmp_path / "norway-2025.txt").write_text(text, encoding="utf-8")
    (tmp_path / "norway-2024.txt").write_text(text.replace("2025", "2024"), encoding="utf-8")
    app = make_app([tmp_path])
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, app, "hotline")
        results = app.reading.query_one(SearchResults)
        titles = [str(option.prompt) for option in results.hits.options if option.disabled]
        assert any("2024" in title for title in titles) and any("2025" in title for title in titles)
        other = next(hit for hit in app.reading.search.result.hits if hit.report_id != app.report.id)  # type: ignore[union-attr]
        results.post_message(SearchResults.Picked(other.report_id, other.sentence_id))
        await until(pilot, lambda: app.report.id == other.report_id, "switched report")
        assert app.reading.document.current_sentence == other.sentence_id
        await until(pilot, lambda: app.reading.search.matches_report == other.report_id, "matched the new report")
        assert app.reading.document.highlights(MATCH_LAYER)



async def test_a_jump_to_another_report_before_typing_pauses_highlights_that_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tipbrowser.bundled import bundled_path
    from tipbrowser.ui import search_controller

    text = bundled_path().read_text(encoding="utf-8")
    (tmp_path / "norway-2025.txt").write_text(text, encoding="utf-8")
    (tmp_path / "norway-2024.txt").write_text(text.replace("2025", "2024"), encoding="utf-8")
    app = make_app([tmp_path])
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, app, "shelter")  # the library is open and indexed
        search = app.reading.search
        search.clear()  # no highlights drawn anywhere
        monkeypatch.setattr(search_controller, "SETTLE_SECONDS", 1.0)  # the jump surely comes before the pause
        await pilot.press("slash")
        app.reading.query_one(SearchBar).set_query("hotline")
        await until(pilot, lambda: search.result is not None and search.result.query == "hotline", "the count")
        assert search.result is not None and not search.settled  # typing has not paused yet
        other = next(hit for hit in search.result.hits if hit.report_id != app.report.id)
        search.jump(other.report_id, other.sentence_id)
        await until(pilot, lambda: search.settled and search.matches_report == other.report_id, "matched the report jumped to")
        assert app.reading.document.highlights(MATCH_LAYER) and search.matches


async def test_report_text_in_hits_is_never_markup(hostile_path: Path) -> None:
    app = make_app([hostile_path])
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, app, "government")
        results = app.reading.query_one(SearchResults)
        prompts = [str(option.prompt) for option in results.hits.options if not option.disabled]
        assert any("[red]maintained[/red]" in prompt for prompt in prompts)
        assert not app._exit


@pytest.mark.parametrize("query", ["", "   "])
async def test_an_empty_query_clears_the_list(query: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, app, "police")
        bar = app.reading.query_one(SearchBar)
        bar.set_query(query)
        await until(pilot, lambda: not app.reading.document.highlights(MATCH_LAYER), "highlights gone")
        assert app.reading.search.query == query


async def test_the_word_being_typed_matches_as_a_prefix_until_a_space_ends_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, app, "forced traff", by_key=True)
        search = app.reading.search
        assert search.result is not None and search.result.total > 0
        words = {fold(match.span.slice(app.report.text)) for match in search.matches}
        assert "forced" in words and any(word.startswith("traffick") for word in words)
        assert all(word in ("force", "forced") or word.startswith("traff") for word in words), words
        await pilot.press("space")
        await until(pilot, lambda: search.result is not None and search.result.query == "forced traff " and search.settled, "space")
        assert search.result.total == 0 and search.matches == []


def test_warming_up_from_the_index_teaches_the_stemmer_every_word_a_highlight_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tipbrowser import folding
    from tipbrowser.parser import parse_text
    from tipbrowser.search import SearchIndex
    from tipbrowser.ui.search_controller import warm_stems

    text = "CHAD (Tier 2)\n\nThe Zorblaxian labourers were criminalised; officials prosecuted Ünïcode traffickers.\n"
    report = parse_text(text)
    index = SearchIndex.build([report])
    warm_stems(index)
    learned: list[list[str]] = []
    learn = folding._Stemmer._learn
    monkeypatch.setattr(folding._Stemmer, "_learn", lambda self, missing: (learned.append(missing), learn(self, missing))[1])
    folding._word_stems.cache_clear()
    folding._stemmed_words.cache_clear()
    for _, _, sentence in report.sentences():
        folding._stemmed_words(sentence.text)
    assert learned == []
