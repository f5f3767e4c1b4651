"""Metrics from single sentences: every figure pattern, and the traps that must give nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tipbrowser.metrics import Metric, extract_metrics, metric_dict
from tipbrowser.model import Paragraph, Report, Section, SectionKind, Sentence, Span
from tipbrowser.sentences import split_sentences

CASES = json.loads((Path(__file__).parent / "fixtures" / "metrics" / "sentences.json").read_text("utf-8"))


def report_of(text: str, kind: str = "prosecution") -> Report:
    """A one-paragraph report holding `text`, split into sentences as the parser would."""
    section_id = f"case-2024/{kind}"
    sentences = tuple(
        Sentence(f"{section_id}/p1/s{n}", text[start:end], Span(start, end))
        for n, (start, end) in enumerate(split_sentences(text), 1)
    )
    paragraph = Paragraph(f"{section_id}/p1", text, Span(0, len(text)), sentences)
    section = Section(section_id, SectionKind(kind), kind.upper(), (paragraph,))
    return Report("case-2024", None, None, None, None, None, (section,), (), "utf-8", text)


def summary(metric: Metric, keys: set[str]) -> dict[str, Any]:
    """The metric's JSON form, cut down to `keys`, with priors and breakdowns as pairs."""
    data = metric_dict(metric)
    data["prior"] = [[p["year"] if p["year"] is not None else p["label"], p["value"]] for p in data["prior"]]
    data["breakdown"] = [[b["label"], b["value"]] for b in data["breakdown"]]
    return {key: data[key] for key in keys}


@pytest.mark.parametrize("case", CASES, ids=[case["note"] for case in CASES])
def test_sentence_case(case: dict[str, Any]) -> None:
    report = report_of(case["text"], case.get("section", "prosecution"))
    metrics = extract_metrics(report)
    keys = {"name", "value"} | {key for expected in case["expect"] for key in expected}
    assert [summary(m, keys) for m in metrics] == [
        {key: expected.get(key, [] if key in ("prior", "breakdown") else None) for key in keys}
        for expected in case["expect"]
    ]


@pytest.mark.parametrize("case", CASES, ids=[case["note"] for case in CASES])
def test_spans_cover_the_figure(case: dict[str, Any]) -> None:
    report = report_of(case["text"], case.get("section", "prosecution"))
    for metric in extract_metrics(report):
        covered = metric.span.slice(report.text)
        assert covered and covered in metric.sentence
        assert report.find(metric.sentence_id) is not None
