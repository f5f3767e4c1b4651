"""Citations: every format on the bundled report, unknown metadata, sanitising, nearest ids."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from tipbrowser.cite import (
    CiteFormat,
    cite,
    citation_for,
    country_slug,
    nearest_ids,
    passage_text,
    report_url,
)
from tipbrowser.errors import UnknownIdError, UsageError
from tipbrowser.model import Report
from tipbrowser.parser import parse_text

DAY = date(2026, 3, 9)
URL = "https://www.state.gov/reports/2025-trafficking-in-persons-report/norway/"
SENTENCE = (
    "Human Trafficking Support Oslo – a unit within the Labor and Social Welfare Directorate’s "
    "Oslo branch that identified and assisted trafficking victims in Oslo – maintained a shelter "
    "for child trafficking victims."
)
PARAGRAPH = (
    "Sections 257 and 258 of the penal code criminalized sex trafficking and labor trafficking and "
    "prescribed penalties of up to six years’ imprisonment for crimes involving adult victims and up "
    "to 10 years’ imprisonment for those involving child victims. These penalties were sufficiently "
    "stringent and, with respect to sex trafficking, commensurate with penalties for other grave "
    "crimes, such as rape."
)


def test_plain_sentence(norway: Report) -> None:
    assert cite(norway, "norway-2025/protection/p4/s2", today=DAY) == (
        f"“{SENTENCE}”\n"
        "— U.S. Department of State, 2025 Trafficking in Persons Report: Norway, Protection, "
        f"paragraph 4 (passage norway-2025/protection/p4/s2), {URL}, accessed 9 March 2026."
    )


def test_plain_paragraph(norway: Report) -> None:
    assert cite(norway, "norway-2025/prosecution/p2", today=DAY) == (
        f"“{PARAGRAPH}”\n"
        "— U.S. Department of State, 2025 Trafficking in Persons Report: Norway, Prosecution, "
        f"paragraph 2 (passage norway-2025/prosecution/p2), {URL}, accessed 9 March 2026."
    )


def test_markdown_sentence(norway: Report) -> None:
    assert cite(norway, "norway-2025/protection/p4/s2", fmt=CiteFormat.MARKDOWN, today=DAY) == (
        f"> {SENTENCE}\n\n"
        "— U.S. Department of State, *2025 Trafficking in Persons Report: Norway*, Protection, "
        f"paragraph 4 (passage `norway-2025/protection/p4/s2`), <{URL}>, accessed 9 March 2026."
    )


def test_markdown_paragraph(norway: Report) -> None:
    assert cite(norway, "norway-2025/prosecution/p2", fmt=CiteFormat.MARKDOWN, today=DAY) == (
        f"> {PARAGRAPH}\n\n"
        "— U.S. Department of State, *2025 Trafficking in Persons Report: Norway*, Prosecution, "
        f"paragraph 2 (passage `norway-2025/prosecution/p2`), <{URL}>, accessed 9 March 2026."
    )


def test_markdown_section_keeps_paragraph_breaks_inside_the_blockquote(norway: Report) -> None:
    text = cite(norway, "norway-2025/protection", fmt="markdown", today=DAY)
    quote, _, line = text.rpartition("\n\n")
    blocks = quote.split("\n>\n")
    assert len(blocks) == len(norway.find("norway-2025/protection").paragraphs)  # type: ignore[union-attr]
    assert all(block.startswith("> ") and "\n" not in block for block in blocks)
    assert line.startswith("— U.S. Department of State") and ", Protection (passage `norway-2025/protection`)" in line


def test_bibtex_names_the_passage_in_a_note(norway: Report) -> None:
    text = cite(norway, "norway-2025/protection/p4/s2", fmt=CiteFormat.BIBTEX, today=DAY)
    lines = text.splitlines()
    assert lines[0] == "@techreport{norway-2025,"
    assert "  title = {{2025 Trafficking in Persons Report: Norway}}," in lines
    assert "  author = {{U.S. Department of State}}," in lines
    assert "  year = {2025}," in lines
    assert f"  url = {{{URL}}}," in lines
    assert "  urldate = {2026-03-09}," in lines
    note = next(line for line in lines if line.startswith("  note = "))
    assert note == (
        "  note = {Protection, paragraph 4 (passage norway-2025/protection/p4/s2): "
        f"``{SENTENCE}''}},"
    )
    assert lines[-1] == "}"
    assert text.count("{") == text.count("}")


def test_bibtex_escapes_special_characters(norway: Report) -> None:
    text = cite(norway, "norway-2025/protection/p1", fmt="bibtex", quote="50% of {cases} & $5_000 #1 ~ ^ \\", today=DAY)
    note = next(line for line in text.splitlines() if line.startswith("  note = "))
    assert r"50\% of \{cases\} \& \$5\_000 \#1 \textasciitilde{} \textasciicircum{} \textbackslash{}" in note


def test_csl_json_describes_the_report_and_notes_the_passage(norway: Report) -> None:
    items = json.loads(cite(norway, "norway-2025/prosecution/p2", fmt=CiteFormat.CSL_JSON, today=DAY))
    assert len(items) == 1
    item = items[0]
    assert item["id"] == "norway-2025"
    assert item["type"] == "report"
    assert item["title"] == "2025 Trafficking in Persons Report: Norway"
    assert item["author"] == [{"literal": "U.S. Department of State"}]
    assert item["publisher"] == "U.S. Department of State"
    assert item["issued"] == {"date-parts": [[2025]]}
    assert item["URL"] == URL
    assert item["accessed"] == {"date-parts": [[2026, 3, 9]]}
    assert item["note"] == f"Prosecution, paragraph 2 (passage norway-2025/prosecution/p2): “{PARAGRAPH}”"


@pytest.mark.parametrize("fmt", list(CiteFormat))
def test_no_quote_leaves_the_passage_text_out(norway: Report, fmt: CiteFormat) -> None:
    text = cite(norway, "norway-2025/protection/p4/s2", fmt=fmt, include_quote=False, today=DAY)
    assert "Human Trafficking Support Oslo" not in text
    assert "norway-2025/protection/p4/s2" in text
    assert "2025 Trafficking in Persons Report: Norway" in text


def test_plain_citation_alone_is_one_line(norway: Report) -> None:
    text = cite(norway, "norway-2025/protection/p4/s2", include_quote=False, today=DAY)
    assert text == (
        "U.S. Department of State, 2025 Trafficking in Persons Report: Norway, Protection, "
        f"paragraph 4 (passage norway-2025/protection/p4/s2), {URL}, accessed 9 March 2026."
    )


def test_the_report_as_a_whole(norway: Report) -> None:
    assert cite(norway, None, today=DAY) == (
        f"U.S. Department of State, 2025 Trafficking in Persons Report: Norway, {URL}, accessed 9 March 2026."
    )
    assert cite(norway, "norway-2025", today=DAY) == cite(norway, None, today=DAY)


def test_recommendation_is_located_by_its_number(norway: Report) -> None:
    text = cite(norway, "norway-2025/recommendations/r3", include_quote=False, today=DAY)
    assert "Prioritized recommendations, recommendation 3 (passage norway-2025/recommendations/r3)" in text
    assert passage_text(norway, "norway-2025/recommendations/r3") == norway.recommendations[2].text


def test_ids_may_leave_out_the_report_prefix(norway: Report) -> None:
    assert cite(norway, "protection/p4/s2", today=DAY) == cite(norway, "norway-2025/protection/p4/s2", today=DAY)


def test_quote_override_replaces_the_passage_text(norway: Report) -> None:
    text = cite(norway, "norway-2025/protection/p4", quote="  a  mouse\n selection ", today=DAY)
    assert text.startswith("“a mouse selection”\n— ")
    assert "Protection, paragraph 4 (passage norway-2025/protection/p4)" in text


def test_unknown_id_names_the_nearest_ids(norway: Report) -> None:
    with pytest.raises(UnknownIdError) as caught:
        cite(norway, "norway-2025/protection/p9")
    message = str(caught.value)
    assert message == (
        'no passage "norway-2025/protection/p9" in norway-2025; nearest: '
        "norway-2025/protection/p5, norway-2025/protection/p4, norway-2025/protection/p3"
    )
    assert message.count(".") == 0  # one sentence, with no full stop splitting it


def test_nearest_ids_prefers_the_existing_parent_and_its_children(norway: Report) -> None:
    assert nearest_ids(norway, "norway-2025/prosecution/p2/s99") == [
        "norway-2025/prosecution/p2/s2",
        "norway-2025/prosecution/p2/s1",
        "norway-2025/prosecution/p2",
    ]
    assert nearest_ids(norway, "sweden-2025/protection/p1/s9")[:2] == [
        "norway-2025/protection/p1/s1",
        "norway-2025/protection/p1",
    ]
    assert nearest_ids(norway, "norway-2025/protectoin/p4/s2")[0] == "norway-2025/protection/p4/s2"
    section_ids = {section.id for section in norway.sections}
    assert set(nearest_ids(norway, "nonsense", n=5)) <= section_ids
    assert len(nearest_ids(norway, "norway-2025/protection/p9", n=2)) == 2


def test_unknown_id_with_control_characters_is_shown_visibly(norway: Report) -> None:
    with pytest.raises(UnknownIdError) as caught:
        cite(norway, "protection/\x1b[2Jp9")
    assert "\x1b" not in str(caught.value)
    assert "␛[2Jp9" in str(caught.value)


MARKED = parse_text(
    "PROTECTION\n\n"
    "The government did   one thing.\u00a0It did \x1b]52;c;aGk=\x07 another\u202e thing.\n"
)


def test_quotes_are_sanitised() -> None:
    quote = passage_text(MARKED, "report/protection/p1")
    assert quote == "The government did one thing. It did another thing."
    for fmt in CiteFormat:
        text = cite(MARKED, "report/protection/p1", fmt=fmt, quote="x\x9b31m\u2066y\x00 z\r\nw", today=DAY)
        assert not any(char in text for char in "\x1b\x9b\u2066\u202e\x00\x07\r")
        assert "xy z w" in text


def test_unknown_year_and_country_are_said_not_invented() -> None:
    text = cite(MARKED, "report/protection/p1", today=DAY)
    assert "Trafficking in Persons Report (year and country unknown), Protection, paragraph 1" in text
    assert "https://" not in text and "accessed" not in text
    bib = cite(MARKED, "report/protection/p1", fmt="bibtex", today=DAY)
    assert "year = " not in bib and "url = " not in bib
    assert "(passage report/protection/p1); year and country unknown" in bib
    csl = json.loads(cite(MARKED, "report/protection/p1", fmt="csl-json", today=DAY))[0]
    assert "issued" not in csl and "URL" not in csl


def test_unknown_year_only(norway: Report) -> None:
    yearless = dataclasses.replace(norway, year=None)
    text = cite(yearless, "norway-2025/protection/p1", include_quote=False, today=DAY)
    assert text == (
        "U.S. Department of State, Trafficking in Persons Report: Norway (year unknown), "
        "Protection, paragraph 1 (passage norway-2025/protection/p1)."
    )
    assert citation_for(yearless).unknown == "year unknown"


def test_unknown_country_only(norway: Report) -> None:
    stateless = dataclasses.replace(norway, country=None)
    assert citation_for(stateless).title == "2025 Trafficking in Persons Report (country unknown)"
    assert citation_for(stateless).url is None


@pytest.mark.parametrize(
    ("country", "slug"),
    [
        ("Norway", "norway"),
        ("Republic of Korea", "south-korea"),
        ("Korea, Republic of", "south-korea"),
        ("Democratic People’s Republic of Korea", "north-korea"),
        ("Congo, Democratic Republic of the", "democratic-republic-of-the-congo"),
        ("Republic of the Congo", "republic-of-the-congo"),
        ("The Gambia", "gambia"),
        ("The Bahamas", "bahamas"),
        ("Côte d’Ivoire", "cote-divoire"),
        ("Bosnia and Herzegovina", "bosnia-and-herzegovina"),
    ],
)
def test_country_slugs(country: str, slug: str) -> None:
    assert country_slug(country) == slug


def test_report_urls() -> None:
    assert report_url(2023, "Republic of Korea") == (
        "https://www.state.gov/reports/2023-trafficking-in-persons-report/south-korea/"
    )
    assert report_url(2019, "The Gambia") == "https://www.state.gov/reports/2019-trafficking-in-persons-report-2/gambia/"
    assert report_url(2015, "Libya") is None  # before the state.gov country pages
    assert report_url(None, "Libya") is None
    assert report_url(2020, None) is None


def test_korea_citation_uses_the_state_gov_slug() -> None:
    report = parse_text(
        "2023 Trafficking in Persons Report: Republic of Korea\n\nKOREA, REPUBLIC OF: Tier 2\n\n"
        "The Government of the Republic of Korea does not fully meet the minimum standards.\n\n"
        "PROTECTION\n\nThe government kept a shelter open.\n"
    )
    text = cite(report, f"{report.id}/protection/p1", include_quote=False, today=DAY)
    assert "2023 Trafficking in Persons Report: Republic of Korea, Protection, paragraph 1" in text
    assert "/2023-trafficking-in-persons-report/south-korea/," in text


def test_format_parse() -> None:
    assert CiteFormat.parse(" Markdown ") is CiteFormat.MARKDOWN
    assert CiteFormat.parse("csl-json") is CiteFormat.CSL_JSON
    with pytest.raises(UsageError, match=r"choose plain, markdown, bibtex or csl-json"):
        CiteFormat.parse("docx")
