"""Evidence links measured against the analyst judgement sets in fixtures/evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipbrowser.evidence import link_evidence
from tipbrowser.evidence_quality import (
    Judgement,
    Quality,
    baseline_rankings,
    link_rankings,
    load_judgements,
    measure,
)
from tipbrowser.model import Report, SectionKind
from tipbrowser.parser import parse_path
from tipbrowser.search import SearchIndex

ROOT = Path(__file__).parent.parent
JUDGED = Path(__file__).parent / "fixtures" / "evidence"
ALL_SETS = sorted(path.stem for path in JUDGED.glob("*.json"))
# The sets the targets are asserted on: the bundled report and the fixture narrative the
# method was first developed with. The others were written and judged before the method
# was run on them (Kestria and Ostravia first; Velmora, Sarvena and Dravonia later, in other
# layouts and on other themes; Tavrenia last, as a held-out check) and are held to floors
# just under what the method now measures on each (see the benchmark for the figures,
# blind and now). Tavrenia shows the method still falls short of plain BM25 on some reports.
TARGET_SETS = ["norway-2025", "marendia-2023"]
TOP3_FLOORS = {
    "dravonia-2024": 0.95,
    "kestria-2016": 0.85,
    "ostravia-2021": 0.85,
    "sarvena-2019": 0.80,
    "tavrenia-2016": 0.70,
    "velmora-2012": 0.85,
}


def _load(name: str) -> tuple[Report, tuple[Judgement, ...]]:
    report_id, source, judgements = load_judgements(JUDGED / f"{name}.json")
    report = parse_path(ROOT / source)
    assert report.id == report_id
    return report, judgements


@pytest.fixture(scope="module", params=ALL_SETS)
def judged(request: pytest.FixtureRequest) -> tuple[Report, tuple[Judgement, ...], Quality, Quality]:
    report, judgements = _load(request.param)
    index = SearchIndex.build([report])
    ours = measure(link_rankings(link_evidence(report, index)), judgements)
    baseline = measure(baseline_rankings(report, index), judgements)
    return report, judgements, ours, baseline


def test_every_recommendation_is_judged_with_real_ids(judged: tuple[Report, tuple[Judgement, ...], Quality, Quality]) -> None:
    report, judgements, _, _ = judged
    assert [j.recommendation_id for j in judgements] == [r.id for r in report.recommendations]
    body = {s.id for section, _, s in report.sentences() if section.kind is not SectionKind.RECOMMENDATIONS}
    for judgement in judgements:
        assert judgement.core, judgement.recommendation_id
        assert judgement.core | judgement.related <= body
        assert not judgement.core & judgement.related
        assert judgement.rationale.strip()


@pytest.mark.parametrize("name", TARGET_SETS)
def test_targets_are_met(name: str) -> None:
    report, judgements = _load(name)
    quality = measure(link_rankings(link_evidence(report)), judgements)
    assert quality.top3_precision >= 0.95
    assert quality.core_first == quality.recommendations
    assert quality.core_recall_top10 >= 0.90


def test_every_set_puts_core_findings_first_and_finds_them(
    judged: tuple[Report, tuple[Judgement, ...], Quality, Quality],
) -> None:
    report, _, ours, _ = judged
    assert ours.core_first == ours.recommendations
    assert ours.core_recall_top10 >= 0.90
    assert ours.top3_precision >= TOP3_FLOORS.get(report.id, 0.95)


def test_every_judged_set_has_a_target_or_a_floor() -> None:
    assert set(ALL_SETS) == set(TARGET_SETS) | set(TOP3_FLOORS)


def test_the_baseline_is_beaten_on_the_sets_judged_blind() -> None:
    rankings: dict[str, list[str]] = {}
    baseline: dict[str, list[str]] = {}
    judgements: list[Judgement] = []
    for name in TOP3_FLOORS:
        report, judged = _load(name)
        index = SearchIndex.build([report])
        rankings |= link_rankings(link_evidence(report, index))
        baseline |= baseline_rankings(report, index)
        judgements.extend(judged)
    ours, plain = measure(rankings, judgements), measure(baseline, judgements)
    assert ours.top3_precision > plain.top3_precision
    assert ours.core_first == ours.recommendations > plain.core_first
    assert ours.core_recall_top10 > plain.core_recall_top10


@pytest.mark.parametrize("name", TARGET_SETS)
def test_the_baseline_is_beaten(name: str) -> None:
    report, judgements = _load(name)
    index = SearchIndex.build([report])
    ours = measure(link_rankings(link_evidence(report, index)), judgements)
    baseline = measure(baseline_rankings(report, index), judgements)
    assert ours.top3_precision > baseline.top3_precision
    assert ours.core_first >= baseline.core_first
    assert ours.core_recall_top10 > baseline.core_recall_top10


def test_the_bundled_baseline_misses_what_the_method_finds() -> None:
    report, judgements = _load("norway-2025")
    index = SearchIndex.build([report])
    baseline = measure(baseline_rankings(report, index), judgements)
    assert baseline.top3_precision < 0.95 or baseline.core_first < 8 or baseline.core_recall_top10 < 0.9


def test_measure_counts_slots_firsts_and_recall() -> None:
    judgement = Judgement("r1", "why", frozenset({"a", "b"}), frozenset({"c"}))
    perfect = measure({"r1": ["a", "c", "b"]}, [judgement])
    assert (perfect.top3_precision, perfect.core_first, perfect.core_recall_top10) == (1.0, 1, 1.0)
    poor = measure({"r1": ["x", "c", "y"] + ["z"] * 7 + ["b"]}, [judgement])
    assert poor.top3_precision == pytest.approx(1 / 3)
    assert poor.core_first == 0
    assert poor.core_recall_top10 == 0.0
    sparse = Judgement("r2", "why", frozenset({"a"}), frozenset())
    assert measure({"r2": ["a"]}, [sparse]).top3_precision == 1.0
    assert measure({}, [sparse]).top3_precision == 0.0
