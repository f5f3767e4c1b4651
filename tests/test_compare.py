"""Comparing one country across years: tiers, metrics with conflicts, recommendations diffed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tipbrowser.cli import main
from tipbrowser.compare import compare, reports_for_country
from tipbrowser.errors import UsageError
from tipbrowser.library import load_reports
from tipbrowser.model import Report

LIBRARY = Path(__file__).parent / "fixtures" / "library"


@pytest.fixture(scope="module")
def reports(norway: Report) -> list[Report]:
    return [*load_reports([LIBRARY]).reports, norway]


def test_reports_for_country_matches_names_and_slugs(reports: list[Report]) -> None:
    assert [r.year for r in reports_for_country(reports, "FREEDONIA")] == [2024, 2025]
    with pytest.raises(UsageError, match="countries open: Freedonia, Norway"):
        reports_for_country(reports, "Sylvania")


def test_tier_history(reports: list[Report]) -> None:
    comparison = compare(reports, "freedonia")
    assert comparison.years == (2024, 2025)
    assert [(t.year, t.tier) for t in comparison.tiers] == [(2024, "Tier 2 Watch List"), (2025, "Tier 2")]


def test_metrics_by_year_join_stated_and_prior_figures(reports: list[Report]) -> None:
    rows = {row.key: row for row in compare(reports, "freedonia").metrics}
    identified = rows["victims_identified"]
    assert {year: sorted(f.value for f in found) for year, found in identified.by_year.items()} == {
        2022: [52],
        2023: [40, 40],
        2024: [61],
    }
    assert identified.conflicts == ()


def test_conflicting_figures_are_flagged(reports: list[Report]) -> None:
    investigations = {row.key: row for row in compare(reports, "freedonia").metrics}["investigations"]
    # 2024's report says 14 investigations in 2023; 2025's report recalls 16 for 2023.
    assert sorted(f.value for f in investigations.by_year[2023]) == [14, 16]
    assert investigations.conflicts == (2023,)


def test_recommendations_are_matched_by_meaning(reports: list[Report]) -> None:
    changes = [c for c in compare(reports, "freedonia").recommendations if c.year == 2025]
    status = {c.text.split()[0]: c.status for c in changes}
    assert status == {"Vigorously": "repeated", "Establish": "repeated", "Train": "new", "Fund": "dropped"}
    repeated = next(c for c in changes if c.text.startswith("Vigorously"))
    assert repeated.previous_id == "freedonia-2024/recommendations/r1"


def test_compare_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "Freedonia", str(LIBRARY), "--json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["country"] == "Freedonia"
    assert [t["tier"] for t in data["tiers"]] == ["Tier 2 Watch List", "Tier 2"]
    row = next(m for m in data["metrics"] if m["key"] == "investigations")
    assert row["conflicts"] == [2023]
    assert {f["stated_as"] for f in row["by_year"]["2023"]} == {"current", "prior"}


def test_compare_command_readable_and_unknown_country(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "freedonia", str(LIBRARY), "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "Tier history" in out and "14 / 16 !" in out
    assert main(["compare", "Atlantis", str(LIBRARY), "--no-cache"]) == 2
    assert "no open report is about" in capsys.readouterr().err
