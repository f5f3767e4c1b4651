"""Every layout family in the narrative formats, parsed against an expected outline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tipbrowser.model import Report, Tier
from tipbrowser.parser import parse_text

FORMATS = Path(__file__).parent / "fixtures" / "formats"
CASES = sorted(p.stem for p in FORMATS.glob("*.txt"))


def _squash(text: str) -> str:
    """Hard-wrapped copies put newlines inside items; compare with single spaces."""
    return " ".join(text.split())


def _parse(name: str) -> Report:
    text = (FORMATS / f"{name}.txt").read_text(encoding="utf-8")
    return parse_text(text, source=f"{name}.txt")


def _expected(name: str) -> dict[str, Any]:
    return json.loads((FORMATS / f"{name}.json").read_text(encoding="utf-8"))


def test_every_fixture_has_an_expected_outline() -> None:
    assert len(CASES) >= 25
    missing = [name for name in CASES if not (FORMATS / f"{name}.json").exists()]
    assert missing == []


@pytest.mark.parametrize("name", CASES)
def test_metadata(name: str) -> None:
    report, expected = _parse(name), _expected(name)
    got = {
        "title": report.title,
        "country": report.country,
        "country_as_written": report.country_as_written,
        "year": report.year,
        "tier": report.tier.value if report.tier else None,
    }
    assert got == {key: expected[key] for key in got}


@pytest.mark.parametrize("name", CASES)
def test_sections(name: str) -> None:
    report, expected = _parse(name), _expected(name)
    assert [s.kind.value for s in report.sections] == expected["kinds"]
    if "paragraphs" in expected:
        assert [len(s.paragraphs) for s in report.sections] == expected["paragraphs"]


@pytest.mark.parametrize("name", CASES)
def test_recommendations(name: str) -> None:
    report, expected = _parse(name), _expected(name)
    assert [_squash(r.text) for r in report.recommendations] == expected["recommendations"]
    for rec in report.recommendations:
        assert rec.span.slice(report.text) == rec.text
        assert report.find(rec.paragraph_id) is not None


@pytest.mark.parametrize("name", CASES)
def test_no_furniture_or_tier_line_in_the_body(name: str) -> None:
    report = _parse(name)
    for _, paragraph in report.paragraphs():
        assert "Extracted in" not in paragraph.text
        assert not paragraph.text.startswith(("Skip Links", "Publisher |", "[ Human", "Document #", "LETTER TO"))
