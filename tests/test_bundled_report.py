"""The bundled 2025 Norway narrative, parsed: metadata, sections, ids and spans."""

from __future__ import annotations

from tipbrowser.bundled import bundled_path
from tipbrowser.model import Report, SectionKind, Tier
from tipbrowser.parser import parse_text


def test_bundled_file_is_the_seed_byte_for_byte() -> None:
    data = bundled_path().read_bytes()
    assert len(data) == 26392
    assert data.startswith("2025 Trafficking in Persons Report: Norway\n".encode())


def test_metadata(norway: Report) -> None:
    assert norway.id == "norway-2025"
    assert norway.title == "2025 Trafficking in Persons Report: Norway"
    assert norway.country == "Norway"
    assert norway.country_as_written == "NORWAY"
    assert norway.year == 2025
    assert norway.tier is Tier.TIER_2
    assert norway.encoding == "utf-8"


def test_sections_in_reading_order(norway: Report) -> None:
    assert [s.kind for s in norway.sections] == [
        SectionKind.INTRO,
        SectionKind.RECOMMENDATIONS,
        SectionKind.PROSECUTION,
        SectionKind.PROTECTION,
        SectionKind.PREVENTION,
        SectionKind.PROFILE,
    ]
    assert [len(s.paragraphs) for s in norway.sections] == [1, 8, 5, 5, 3, 1]
    assert norway.sections[-1].title == "TRAFFICKING PROFILE"


def test_eight_recommendations_without_bullets(norway: Report) -> None:
    recs = norway.recommendations
    assert len(recs) == 8
    assert recs[0].text.startswith("Proactively identify trafficking victims")
    assert recs[6].text == "Adopt and implement the new national strategy."
    # An item's own semicolons do not split it.
    assert "; define the roles" in recs[4].text
    assert all(not r.text.startswith(("•", " ")) for r in recs)
    assert [r.id for r in recs] == [f"norway-2025/recommendations/r{n}" for n in range(1, 9)]


def test_every_span_gives_back_its_text(norway: Report) -> None:
    text = norway.text
    for section, paragraph, sentence in norway.sentences():
        assert paragraph.span.slice(text) == paragraph.text
        assert sentence.span.slice(text) == sentence.text
        assert sentence.id.startswith(paragraph.id + "/s")
        assert paragraph.id.startswith(section.id + "/p")
    for rec in norway.recommendations:
        assert rec.span.slice(text) == rec.text


def test_structural_ids(norway: Report) -> None:
    protection = norway.section(SectionKind.PROTECTION)
    assert protection is not None
    sentence = protection.paragraphs[3].sentences[1]
    assert sentence.id == "norway-2025/protection/p4/s2"
    assert sentence.text.startswith("Human Trafficking Support Oslo")
    assert norway.find("norway-2025/protection/p4/s2") is sentence


def test_sentence_splitting_survives_abbreviations_and_money(norway: Report) -> None:
    texts = [s.text for _, _, s in norway.sentences()]
    money = next(t for t in texts if "$1.59 million" in t)
    assert money.startswith("In 2024, the government allocated 18 million Norwegian kroner")
    assert money.endswith("in 2023.")
    # The source lost a full stop before "Under Section 62a"; the sentence still splits.
    assert any(t.startswith("Under Section 62a of the Criminal Procedure Act") for t in texts)


def test_ids_are_stable_across_newline_styles(norway: Report) -> None:
    crlf = parse_text(norway.text.replace("\n", "\r\n"))
    assert crlf.ids() == norway.ids()
