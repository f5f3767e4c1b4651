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
        assert not paragraph.text.startswith(
            ("Skip Links", "Publisher |", "[ Human", "Document #", "LETTER TO", "An official website", "Related Articles")
        )


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("2008-webarchive", ["Skip Links", "Released by the Office to Monitor and Combat Trafficking in Persons", "June 4, 2008"]),
        ("2023-newswire", ["61", "Regional Affairs", "LETTER TO THE EDITOR", "Send a Letter"]),
        ("2023-stategov-furniture", ["Official websites use .gov", "Skip to main content", "Related Articles"]),
        ("refworld-table", ["Publication Date | 20 June 2014 |"]),
        ("2024-ecoi", ["Document #2111999", "USDOS – US Department of State (Author)"]),
        ("gvnet-wrapped", ["[ Human Trafficking, Country-by-Country ]", "part from the U.S. State Dept"]),
    ],
)
def test_furniture_is_dropped_and_kept_apart(name: str, lines: list[str]) -> None:
    report = _parse(name)
    dropped = [span.slice(report.text).strip() for span in report.dropped]
    assert all(line in dropped for line in lines)


_BODY = "\n\nOfficials opened several cases during the year. Courts convicted two offenders.\n"

TIER_LINES = [
    ("SPECIAL CASE: LIBYA", "Special Case", "LIBYA", "Libya"),
    ("SOMALIA: SPECIAL CASE", "Special Case", "SOMALIA", "Somalia"),
    ("Special Case: SOMALIA", "Special Case", "SOMALIA", "Somalia"),
    ("SOMALIA (Special Case)", "Special Case", "SOMALIA", "Somalia"),
    ("YEMEN (special case)", "Special Case", "YEMEN", "Yemen"),
    ("Special Case (Libya)", "Special Case", "Libya", "Libya"),
    ("Special Case", "Special Case", None, None),
    ("KOREA, REPUBLIC OF (Tier 1)", "Tier 1", "KOREA, REPUBLIC OF", "Republic of Korea"),
    ("Korea, Republic of (Tier 1)", "Tier 1", "Korea, Republic of", "Republic of Korea"),
    ("CONGO, DEMOCRATIC REPUBLIC OF THE: TIER 3", "Tier 3", "CONGO, DEMOCRATIC REPUBLIC OF THE", "Democratic Republic of the Congo"),
    ("BAHAMAS, THE (Tier 1)", "Tier 1", "BAHAMAS, THE", "The Bahamas"),
    ("GAMBIA, THE: Tier 3", "Tier 3", "GAMBIA, THE", "The Gambia"),
    ("THE GAMBIA (Tier 2)", "Tier 2", "THE GAMBIA", "The Gambia"),
    ("HONDURAS (TIER 2)", "Tier 2", "HONDURAS", "Honduras"),
    ("MALAYSIA: TIER 3", "Tier 3", "MALAYSIA", "Malaysia"),
    ("CÔTE D’IVOIRE: Tier 2", "Tier 2", "CÔTE D’IVOIRE", "Côte d’Ivoire"),
    ("Democratic Republic of the Congo (Tier 2 Watch List)", "Tier 2 Watch List", "Democratic Republic of the Congo", "Democratic Republic of the Congo"),
    ("SWEDEN (Tier 1) Extracted in part  from the U.S. State Dept 2023 TIP Report", "Tier 1", "SWEDEN", "Sweden"),
    ("THE BAHAMAS (Tier 1) Extracted in part  from the U.S. State Dept 2023 TIP Report - The Bahamas", "Tier 1", "THE BAHAMAS", "The Bahamas"),
    ("SERBIA (Tier 2 Watch List) – Extracted in", "Tier 2 Watch List", "SERBIA", "Serbia"),
    ("Tier 2 Watch List", "Tier 2 Watch List", None, None),
    ("CHAD: Tier 2 Watchlist", "Tier 2 Watch List", "CHAD", "Chad"),
    ("NORWAY\xa0(Tier\xa02)", "Tier 2", "NORWAY", "Norway"),
]


@pytest.mark.parametrize(("line", "tier", "written", "country"), TIER_LINES)
def test_tier_lines(line: str, tier: str, written: str | None, country: str | None) -> None:
    report = parse_text(line + _BODY)
    assert report.tier is Tier(tier)
    assert (report.country_as_written, report.country) == (written, country)
    # The tier line is metadata: it is neither a heading nor a paragraph.
    assert all(line not in p.text and s.title != line for s, p in report.paragraphs())


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("PROTECTION", "protection"),
        ("Prosecution", "prosecution"),
        ("== Prevention ==", "prevention"),
        ("GOVERNMENT EFFORTS", "government_efforts"),
        ("SCOPE AND MAGNITUDE", "profile"),
        ("TRAFFICKING PROFILE:", "profile"),
        ("RECOMMENDATIONS FOR THE DEMOCRATIC REPUBLIC OF THE CONGO", "recommendations"),
        ("Prioritized Recommendations", "recommendations"),
    ],
)
def test_headings_are_not_tier_lines(line: str, kind: str) -> None:
    report = parse_text(f"NORWAY (Tier 2)\n\n{line}\n{_BODY}")
    assert report.tier is Tier.TIER_2
    assert [s.kind.value for s in report.sections] == [kind]
    assert report.sections[0].title == line.strip("=: ").rstrip(":")


def test_a_lower_case_heading_word_is_prose() -> None:
    report = parse_text("NORWAY (Tier 2)\n\nprotection\n" + _BODY)
    assert report.sections[0].kind.value != "protection"


def test_ids_of_a_multi_country_page_stay_with_the_first_country() -> None:
    report = _parse("multi-country")
    other = report.sections[-1]
    assert other.title == "ARGENTINA (Tier 2)"
    assert other.id == "angola-2010/other"
    assert {r.paragraph_id.split("/")[1] for r in report.recommendations} == {"recommendations"}
