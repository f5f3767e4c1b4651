"""The Metrics tab through the app: figures by pillar, enter reads the figure, results never stale."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from tipbrowser.metrics import extract_metrics
from tipbrowser.model import Report
from tipbrowser.parser import parse_path
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.insights import METRIC_LAYER
from tipbrowser.ui.metric_rows import metric_key
from tipbrowser.ui.widgets.metrics_panel import MetricsPanel

SIZE = (160, 48)


async def _ready(pilot: Pilot, app: TipBrowserApp) -> MetricsPanel:
    """Wait for the side panel and the figures of the report on view; the Metrics panel."""
    for _ in range(300):
        panels = app.reading.query(MetricsPanel)
        metrics = app.reading.insights.metrics
        if panels and metrics is not None and panels.first().metrics:
            return panels.first()
        await pilot.pause(0.02)
    raise AssertionError("the Metrics tab was never filled")


def _prompts(panel: MetricsPanel) -> list[str]:
    listing = panel.query_one("#metrics-list", OptionList)
    return [str(getattr(option.prompt, "plain", option.prompt)) for option in listing.options]


async def test_figures_are_grouped_by_pillar_with_priors_change_and_trend(norway: Report) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        prompts = _prompts(panel)
    headings = [p for p in prompts if p.isupper()]
    assert headings == ["PROSECUTION", "PROTECTION", "PREVENTION", "OTHER"]
    assert len(prompts) == len(extract_metrics(norway)) + len(headings)
    investigations = next(p for p in prompts if p.startswith("Investigations"))
    assert investigations == "Investigations  19 cases\n  2023: 27 · 2022: 32  ▼ 29.6%  █▅▁"
    funding = next(p for p in prompts if p.startswith("Funding (shelters)"))
    assert "NOK 18 million ($1.59 million)" in funding and "▲ 12.5%" in funding
    assert prompts.index("PROTECTION") < prompts.index(next(p for p in prompts if p.startswith("Victims identified")))


async def test_enter_reads_the_sentence_with_the_figure_highlighted_and_back_returns() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        await pilot.press("3")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "metrics-list"
        target = next(m for m in panel.metrics if m.name == "victims_identified" and m.subset is None)
        assert panel.select(metric_key(target))
        assert panel.selected_metric is target
        await pilot.press("enter")
        await pilot.pause()
        document = app.reading.document
        assert document.current_sentence == target.sentence_id
        assert document.highlights(METRIC_LAYER) == [target.span]
        assert app.report.text[target.span.start : target.span.end] == "97"
        assert any("97" in line for line in document.rendered_lines())
        await pilot.press("backspace")
        await pilot.pause()
        assert document.top_id == app.report.id


async def test_a_report_without_figures_says_so(synthetic) -> None:  # type: ignore[no-untyped-def]
    app = TipBrowserApp([synthetic(["Nothing is counted here at all."])])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(300):
            if app.reading.insights.metrics is not None and app.reading.query(MetricsPanel):
                break
            await pilot.pause(0.02)
        await pilot.pause()
        panel = app.reading.query_one(MetricsPanel)
        status = str(panel.query_one("#metrics-status").render())
        assert "no figures" in status
        assert panel.selected_metric is None


async def test_figures_of_a_report_no_longer_on_view_are_dropped(norway_path: Path, hostile_path: Path) -> None:
    app = TipBrowserApp([parse_path(norway_path), parse_path(hostile_path)])
    async with app.run_test(size=SIZE) as pilot:
        app.switch_report(1)  # before the first report's figures can arrive
        panel = await _ready(pilot, app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert {m.report_id for m in panel.metrics} == {app.report.id} != {"norway-2025"}
        assert app.reading.insights.report is app.report
        prompts = _prompts(panel)
    assert any(p.startswith("Investigations  12 cases") for p in prompts)


async def test_a_report_with_more_figures_than_rows_lists_each_pillars_first_and_says_so(synthetic) -> None:  # type: ignore[no-untyped-def]
    from tipbrowser.ui.widgets.metrics_panel import MAX_ROWS

    sentence = "Police investigated 19 trafficking cases in 2024, compared with 27 in 2023."
    report = synthetic([sentence] * (MAX_ROWS + 50))
    app = TipBrowserApp([report])
    async with app.run_test(size=SIZE) as pilot:
        panel = await _ready(pilot, app)
        status = str(panel.query_one("#metrics-status").render())
        listed = panel.metrics
    total = len(extract_metrics(report))
    assert total > MAX_ROWS
    assert len(listed) == MAX_ROWS
    assert status.startswith(f"Showing {MAX_ROWS:,} of {total:,} figures")
