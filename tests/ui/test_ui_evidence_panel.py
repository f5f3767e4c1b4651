"""The Recommendations tab through the app: counts, evidence, why, markers and jumps both ways."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tipbrowser.evidence import link_evidence
from tipbrowser.model import Report
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.insights import EVIDENCE_LAYER
from tipbrowser.ui.widgets.recommendations_panel import RecommendationsPanel

SIZE = (160, 48)


async def _ready(pilot: Pilot, app: TipBrowserApp) -> RecommendationsPanel:
    """Wait until the recommendations are linked and listed; the Recommendations panel."""
    for _ in range(300):
        panels = app.reading.query(RecommendationsPanel)
        if panels and app.reading.insights.walk is not None:
            await pilot.pause()
            return panels.first()
        await pilot.pause(0.02)
    raise AssertionError("the Recommendations tab was never filled")


def _plain(panel: RecommendationsPanel, selector: str) -> list[str]:
    listing = panel.query_one(selector, OptionList)
    return [str(getattr(option.prompt, "plain", option.prompt)) for option in listing.options]


def _text(panel: RecommendationsPanel, selector: str) -> str:
    return str(panel.query_one(selector, Static).render())


async def test_every_recommendation_is_listed_with_its_evidence_count(norway: Report) -> None:
    links = link_evidence(norway)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        recs = _plain(panel, "#recs-list")
        evidence = _plain(panel, "#evidence-list")
        title = _text(panel, "#evidence-title")
    assert len(recs) == len(norway.recommendations) == 8
    for prompt, link in zip(recs, links, strict=True):
        number = link.recommendation_id.rsplit("/", 1)[1]
        assert prompt.startswith(f"{number} ({len(link.evidence)} passage")
        assert link.recommendation in prompt
    assert title == f"Evidence for r1: {len(links[0].evidence)}, best first"
    best = links[0].evidence[0]
    assert evidence[0] == f"{best.score:.2f} {best.section_kind.upper()}\n{best.text}"


async def test_moving_the_cursor_shows_that_recommendations_evidence_and_why(norway: Report) -> None:
    links = link_evidence(norway)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        await pilot.press("4")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "recs-list"
        for _ in range(4):
            await pilot.press("down")
        await pilot.pause()
        assert panel.selected_recommendation_id == links[4].recommendation_id
        assert app.reading.insights.walk.link == links[4]  # type: ignore[union-attr]
        assert [p.split("\n", 1)[1] for p in _plain(panel, "#evidence-list")] == [e.text for e in links[4].evidence]
        await pilot.press("right")  # into the evidence, on its best passage
        await pilot.pause()
        assert app.focused is panel.query_one("#evidence-list", OptionList)
        why = _text(panel, "#evidence-why")
        first = links[4].evidence[0]
        assert panel.selected_evidence == first
        assert why.startswith("Why: " + "; ".join(first.reasons))
        assert "Matched: " + ", ".join(first.terms) in why
        await pilot.press("down")
        await pilot.pause()
        assert panel.selected_evidence == links[4].evidence[1]
        assert "; ".join(links[4].evidence[1].reasons) in _text(panel, "#evidence-why")
        await pilot.press("left")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "recs-list"


async def test_enter_on_evidence_reads_it_with_the_terms_highlighted(norway: Report) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        evidence_list = panel.query_one("#evidence-list", OptionList)
        evidence_list.focus()
        evidence_list.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        walk = app.reading.insights.walk
        assert walk is not None and walk.link is not None
        chosen = walk.link.evidence[1]
        document = app.reading.document
        assert document.current_sentence == chosen.sentence_id
        spans = document.highlights(EVIDENCE_LAYER)
        assert [norway.text[s.start : s.end] for s in spans] == [chosen.text[a:b] for a, b in chosen.spans]
        assert app.reading.history.can_go_back
        assert app.focused is evidence_list  # the list keeps focus to read the next one


async def test_keys_walk_recommendations_and_evidence_from_the_tab_and_the_margin_marks_support() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        await pilot.press("4", "r", "r")
        await pilot.pause()
        walk = app.reading.insights.walk
        assert walk is not None and walk.link is not None
        assert walk.link.recommendation_id == "norway-2025/recommendations/r2"
        assert panel.selected_recommendation_id == walk.link.recommendation_id
        await pilot.press("e", "e", "E", "E")
        await pilot.pause()
        assert app.reading.document.current_sentence == walk.link.evidence[-1].sentence_id
        assert panel.query_one("#evidence-list", OptionList).highlighted == len(walk.link.evidence) - 1
        supports = _text(panel, "#recs-supports")
        assert supports.startswith("This sentence supports ") and "r2" in supports
        state = app.reading.document.state
        assert state is not None and state.markers == walk.markers()
        margin = [line[0] for line in app.reading.document.rendered_lines() if line.strip()]
        assert any(mark in "12345678*" for mark in margin)


async def test_no_recommendations_no_walk_and_hostile_text_stays_text(hostile_path: Path, synthetic) -> None:  # type: ignore[no-untyped-def]
    app = make_app([hostile_path])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        panel = await _ready(pilot, app)
        recs = _plain(panel, "#recs-list")
        assert any("[bold]prosecutions[/bold]" in p for p in recs)
        assert any("[@click=app.quit]now[/]" in p for p in recs)
        assert not app._exit
    bare = TipBrowserApp([synthetic(["No recommendations here."])])
    async with bare.run_test(size=SIZE, notifications=True) as pilot:
        panel = await _ready(pilot, bare)
        assert "no prioritized recommendations" in _text(panel, "#recs-status")
        await pilot.press("r")
        await pilot.pause()
        assert [str(n.message) for n in bare._notifications] == ["This report has no prioritized recommendations."]


async def test_e_on_a_recommendation_walks_that_recommendations_evidence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        app.go_to("norway-2025/recommendations/r5")  # as from the tree or the palette
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        walk = app.reading.insights.walk
        assert walk is not None and walk.link is not None
        assert walk.link.recommendation_id == "norway-2025/recommendations/r5"
        assert app.reading.document.current_sentence == walk.link.evidence[0].sentence_id
        assert panel.selected_recommendation_id == "norway-2025/recommendations/r5"
        await pilot.press("r")
        await pilot.pause()
        assert walk.link.recommendation_id == "norway-2025/recommendations/r6"


async def test_a_highlight_left_over_from_the_last_reports_list_is_ignored() -> None:
    from textual.widgets.option_list import Option

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        shown = panel.selected_recommendation_id
        recs = panel.query_one("#recs-list", OptionList)
        stale = Option("an older report's recommendation", id="other-2019/recommendations/r3")
        panel.on_option_list_option_highlighted(OptionList.OptionHighlighted(recs, stale, 0))
        panel.on_option_list_option_selected(OptionList.OptionSelected(recs, stale, 0))
        await pilot.pause()
        assert panel.selected_recommendation_id == shown
        assert "Evidence for" in _text(panel, "#evidence-title")


async def test_figures_and_links_arriving_as_the_screen_closes_are_dropped_quietly() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, app)
        insights = app.reading.insights
        await app.reading.document.remove()  # as when the app closes while the worker runs
        await insights._compute(insights.report)  # must not raise NoMatches
        await pilot.pause()
        assert not app._exit and app.return_code is None
