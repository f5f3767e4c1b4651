"""Metrics of whole narratives: the bundled report, fixture narratives, traps and contracts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipbrowser.metrics import (
    CSV_COLUMNS,
    Metric,
    Prior,
    Range,
    extract_metrics,
    metric_dict,
    metric_row,
)
from tipbrowser.model import Report, SectionKind, Sentence
from tipbrowser.numbers import parse_number
from tipbrowser.parser import parse_path, parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "metrics"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))


def load(expected_path: Path) -> tuple[Report, dict[str, Any]]:
    """The report an expected-metrics file describes (the bundled one for norway-2025), and the file."""
    expected = json.loads(expected_path.read_text("utf-8"))
    narrative = FIXTURES / f"{expected['report']}.txt"
    if not narrative.exists():
        from tipbrowser.bundled import bundled_path

        narrative = bundled_path()
    return parse_path(narrative), expected


def comparable(metric: Metric, keys: set[str]) -> dict[str, Any]:
    data = metric_dict(metric)
    data["sentence_id"] = data["sentence_id"].split("/", 1)[1]
    data["prior"] = [[p["year"] if p["year"] is not None else p["label"], p["value"]] for p in data["prior"]]
    data["breakdown"] = [[b["label"], b["value"]] for b in data["breakdown"]]
    return {key: data[key] for key in keys}


@pytest.mark.parametrize("expected_path", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_narrative_metrics_are_exactly_the_expected_ones(expected_path: Path) -> None:
    report, expected = load(expected_path)
    wanted = [m for m in expected["metrics"] if not m.get("missed")]
    keys = {"name", "value", "sentence_id", "year", "qualifier", "subset", "currency", "usd", "applies_to",
            "prior", "breakdown"}
    defaults: dict[str, list[Any]] = {"prior": [], "breakdown": []}
    assert [comparable(m, keys) for m in extract_metrics(report)] == [
        {key: item.get(key, defaults.get(key)) for key in keys} for item in wanted
    ]


@pytest.mark.parametrize("expected_path", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_traps_give_no_metric(expected_path: Path) -> None:
    report, expected = load(expected_path)
    metrics = extract_metrics(report)
    for trap in expected["traps"]:
        start = report.text.find(trap)
        assert start >= 0, f"trap {trap!r} is not in the narrative"
        end = start + len(trap)
        hits = [m for m in metrics if m.span.start < end and start < m.span.end]
        assert hits == [], f"{trap!r} produced {[(m.name, m.value) for m in hits]}"


def by_name(metrics: tuple[Metric, ...], name: str, subset: str | None = None) -> list[Metric]:
    return [m for m in metrics if m.name == name and m.subset == subset]


def test_bundled_headline_figures(norway: Report) -> None:
    metrics = extract_metrics(norway)
    (investigations,) = by_name(metrics, "investigations")
    assert (investigations.value, investigations.year) == (19, 2024)
    assert investigations.prior == (Prior(2023, None, 27), Prior(2022, None, 32))
    assert dict(investigations.breakdown) == {
        "sex trafficking": 6,
        "labor trafficking": 12,
        "unspecified form of trafficking": 1,
    }
    for name in ("prosecutions", "convictions"):
        (metric,) = by_name(metrics, name)
        assert (metric.value, metric.prior) == (3, (Prior(2023, None, 0),))
    (sentences,) = by_name(metrics, "sentences")
    assert (sentences.value, sentences.unit) == (Range(5, 15), "years")
    penalties = by_name(metrics, "penalties")
    assert [(p.value, p.applies_to) for p in penalties] == [(6, "adult victims"), (10, "child victims")]
    (identified,) = by_name(metrics, "victims_identified")
    assert (identified.value, identified.prior) == (97, (Prior(2023, None, 120),))
    (child,) = by_name(metrics, "victims_identified", "child")
    assert child.value == 8
    (assisted,) = by_name(metrics, "victims_assisted")
    assert (assisted.value, assisted.prior) == (183, (Prior(2023, None, 216),))
    assert [v for _, v in assisted.breakdown] == [110, 56, 17]
    shelters, efforts = by_name(metrics, "funding")
    assert (shelters.value, shelters.currency, shelters.usd, shelters.applies_to) == (
        18_000_000, "NOK", 1_590_000, "shelters")
    assert shelters.prior == (Prior(2023, None, 16_000_000),)
    assert (efforts.value, efforts.usd, efforts.prior) == (37_700_000, 3_330_000, (Prior(2023, None, 37_500_000),))
    (reflection,) = by_name(metrics, "reflection_periods")
    assert (reflection.value, reflection.prior) == (17, (Prior(2023, None, 10),))
    permits = by_name(metrics, "residence_permits")
    assert [(p.value, p.prior[0].value) for p in permits] == [(9, 10), (8, 6)]
    assert [m.value for m in by_name(metrics, "hotline_calls")] == [32]
    assert [m.value for m in by_name(metrics, "shelters")] == [3]


def test_bundled_pillars_follow_sections(norway: Report) -> None:
    metrics = extract_metrics(norway)
    pillars = {m.name: m.pillar for m in metrics if m.subset is None}
    assert pillars["investigations"] == "prosecution"
    assert pillars["victims_assisted"] == "protection"
    assert pillars["hotline_calls"] == "prevention"
    assert {m.pillar for m in metrics if m.section_kind == "profile"} == {"other"}


def test_spans_hold_the_figure_as_written(norway: Report) -> None:
    for metric in extract_metrics(norway):
        written = metric.span.slice(norway.text)
        assert written in metric.sentence
        if isinstance(metric.value, int) and metric.currency is None:
            assert parse_number(written) == metric.value


def test_reading_order_and_provenance(norway: Report) -> None:
    metrics = extract_metrics(norway)
    starts = [m.span.start for m in metrics]
    assert starts == sorted(starts)
    for metric in metrics:
        sentence = norway.find(metric.sentence_id)
        assert isinstance(sentence, Sentence) and sentence.text == metric.sentence
        assert metric.sentence_id.startswith(metric.paragraph_id + "/")
        assert metric.report_id == norway.id


def test_recommendations_never_give_metrics() -> None:
    text = (
        "2020 Trafficking in Persons Report: Arvenia\n\nARVENIA (Tier 2)\n\n"
        "PRIORITIZED RECOMMENDATIONS:\n  • Convict at least 40 traffickers and fund 12 shelters.\n"
        "  • Identify 300 victims.\n\nPROSECUTION\n\nCourts convicted nine traffickers.\n"
    )
    report = parse_text(text)
    assert report.section(SectionKind.RECOMMENDATIONS) is not None
    assert [(m.name, m.value) for m in extract_metrics(report)] == [("convictions", 9)]


def test_metric_dict_contract(norway: Report) -> None:
    metrics = extract_metrics(norway)
    data = metric_dict(by_name(metrics, "investigations")[0])
    assert {"report", "name", "value", "unit", "year", "prior", "qualifier", "subset", "currency", "usd",
            "sentence_id", "sentence", "span"} <= set(data)
    assert data["prior"] == [{"year": 2023, "label": None, "value": 27}, {"year": 2022, "label": None, "value": 32}]
    assert metric_dict(by_name(metrics, "sentences")[0])["value"] == {"min": 5, "max": 15}
    funding = metric_dict(by_name(metrics, "funding")[0])
    assert (funding["value"], funding["usd"]) == (18000000, 1590000)
    json.dumps(data)


def test_metric_row_flattens_priors_for_spreadsheets(norway: Report) -> None:
    row = metric_row(by_name(extract_metrics(norway), "investigations")[0])
    assert tuple(row) == CSV_COLUMNS
    assert row["prior"] == "2023: 27; 2022: 32"
    assert row["breakdown"].startswith("sex trafficking: 6; labor trafficking: 12")
    (sentences,) = by_name(extract_metrics(norway), "sentences")
    assert (metric_row(sentences)["min"], metric_row(sentences)["max"]) == ("5", "15")


def test_label_priors_flatten_with_their_label() -> None:
    report = parse_text(
        "KESTRELIA (Tier 2)\n\nPROSECUTION\n\nPolice opened 31 investigations, compared with 12 investigations "
        "during the previous reporting period.\n"
    )
    (metric,) = extract_metrics(report)
    assert metric_row(metric)["prior"] == "the previous reporting period: 12"


_ALPHABET = st.sampled_from(
    list("0123456789 ,.;()$-–’'abcdefghijklmnopqrstuvwxyzABCIKNOST\n")
    + ["²", "٣", "１", "\u202e", "\x1b", " million", " victims", " in 2023", " compared with ", " up to ",
       " years’ imprisonment", " NOK", "Thirty-two", " none", " (", ")", " convicted ", " identified "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_extracts_without_crashing(body: str) -> None:
    report = parse_text("PROTECTION\n\n" + body + "\n")
    for metric in extract_metrics(report):
        assert 0 <= metric.span.start < metric.span.end <= len(report.text)
        for char in metric.span.slice(report.text):
            assert not (char.isdigit() and not char.isascii())


def test_history_and_change_for_sparklines_and_arrows(norway: Report) -> None:
    metrics = extract_metrics(norway)
    (investigations,) = by_name(metrics, "investigations")
    assert investigations.history == ((2022, 32), (2023, 27), (2024, 19))
    change = investigations.change
    assert change is not None
    assert (change.prior.year, change.delta, change.percent, change.arrow) == (2023, -8.0, -29.6, "▼")
    (prosecutions,) = by_name(metrics, "prosecutions")
    assert prosecutions.change is not None and prosecutions.change.percent is None
    assert prosecutions.change.arrow == "▲"
    (sentences,) = by_name(metrics, "sentences")
    assert sentences.history == () and sentences.change is None
    (shelters,) = by_name(metrics, "shelters")
    assert shelters.history == ((None, 3),) and shelters.change is None
