"""Properties of reading and parsing that must hold for any input at all."""

from __future__ import annotations

import pickle
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tipbrowser.errors import BinaryFileError
from tipbrowser.export import outline_dict
from tipbrowser.model import Report, Sentence, Span
from tipbrowser.parser import parse_text
from tipbrowser.reader import decode

# Pieces of real layouts, so that random text reaches every rule, not only the text rule.
FRAGMENTS = [
    "\n", "\n\n", "\n\xa0\n", "\r\n", "\r", "  • ", " • ", "• ", "* ", " * ", "- ", "; ", "; and ",
    ". ", ".", ":", "PROSECUTION", "Protection", "GOVERNMENT EFFORTS", "TRAFFICKING PROFILE:",
    "PRIORITIZED RECOMMENDATIONS:", "Prioritized Recommendations ", "Recommendations for Chad: ",
    "Recommendations for : ", "Scope and Magnitude: ", "== Prevention ==", "CHAD (Tier 2)",
    "KOREA, REPUBLIC OF: TIER 3", "Special Case", "SPECIAL CASE: YEMEN", "Tier 2 Watch List",
    "2025 Trafficking in Persons Report: Chad", "Trafficking in Persons Report 2014 - Chad",
    "Human trafficking in Chad", "The Gambia", "Skip Links", "Document #12", "Publisher | X |",
    "The Government of Chad does not fully meet the minimum standards for the elimination of trafficking. ",
    "Chad is a source country for forced labor. ", "The government maintained victim protection efforts. ",
    "Increase prosecutions", "Fund shelters.Train police", "The government should act. ", "U.S. ",
    "$1.59 million", "No. 5", "“quoted.” ", "\x0b", "\x0c", "\x85", "\u2028", "\x1b[31m", "\u202e",
    "\ufeff", "\t", "In 2023, ", "SWEDEN (Tier 1) Extracted in part  from the U.S. State Dept 2023 TIP Report",
]

narratives = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=50
).map("".join)

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _all_ids(report: Report) -> list[str]:
    ids = [r.id for r in report.recommendations]
    for section in report.sections:
        ids.append(section.id)
        for paragraph in section.paragraphs:
            ids.append(paragraph.id)
            ids.extend(s.id for s in paragraph.sentences)
    return ids


def _assert_faithful(report: Report) -> None:
    """Every node's span gives back its text, inside its parent, and ids are unique."""
    text = report.text
    for section, paragraph in report.paragraphs():
        assert paragraph.span.slice(text) == paragraph.text
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert paragraph.id.startswith(section.id + "/p")
        for sentence in paragraph.sentences:
            assert sentence.span.slice(text) == sentence.text
            assert paragraph.span.start <= sentence.span.start < sentence.span.end <= paragraph.span.end
    for section in report.sections:
        if section.heading_span is not None:
            assert 0 <= section.heading_span.start <= section.heading_span.end <= len(text)
    for rec in report.recommendations:
        assert rec.span.slice(text) == rec.text and rec.text
        owner = report.find(rec.paragraph_id)
        assert owner is not None and owner.span.start <= rec.span.start < rec.span.end <= owner.span.end
    ids = _all_ids(report)
    assert len(ids) == len(set(ids))


@PROPERTY
@given(narratives)
def test_parse_never_raises_and_spans_give_back_text(raw: str) -> None:
    _assert_faithful(parse_text(raw))


@PROPERTY
@given(st.text())
def test_parse_accepts_any_unicode(raw: str) -> None:
    _assert_faithful(parse_text(raw))


@PROPERTY
@given(narratives)
def test_a_pickled_report_comes_back_equal(raw: str) -> None:
    report = parse_text(raw, source="somewhere.txt")
    again = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == report
    assert [type(node) for node in map(again.find, again.ids())] == [type(node) for node in map(report.find, report.ids())]


def test_a_pickled_report_keeps_text_that_differs_from_its_span() -> None:
    report = parse_text("CHAD (Tier 2)\n\nChad is a source country. It acts.\n")
    section = report.sections[-1]
    paragraph = section.paragraphs[0]
    odd = Sentence("odd", "not what the span covers", Span(0, 3))
    changed = replace(report, sections=(*report.sections[:-1], replace(section, paragraphs=(replace(paragraph, sentences=(odd,)),))))
    again = pickle.loads(pickle.dumps(changed))
    assert again == changed
    assert again.sections[-1].paragraphs[0].sentences[0].text == "not what the span covers"


@PROPERTY
@given(narratives)
@example("\ufeff\ufeffCHAD (Tier 2)\r\rChad is a source country.\r\n")
def test_ids_and_spans_are_stable_across_parses_and_newline_styles(raw: str) -> None:
    report = parse_text(raw)
    base = report.text
    assert outline_dict(parse_text(raw)) == outline_dict(report)
    for converted in (base.replace("\n", "\r\n"), base.replace("\n", "\r")):
        again = parse_text(converted)
        assert again.text == base
        assert _all_ids(again) == _all_ids(report)
        assert outline_dict(again) == outline_dict(report)


@PROPERTY
@given(st.binary(max_size=400) | narratives.map(lambda s: s.encode("utf-8")))
def test_decode_never_raises_except_to_refuse_binary(data: bytes) -> None:
    try:
        decoded = decode(data)
    except BinaryFileError:
        assert b"\x00" in data or data[:2] in (b"\xff\xfe", b"\xfe\xff")
        return
    assert "\r" not in decoded.text
    _assert_faithful(parse_text(decoded.text, encoding=decoded.encoding))


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(["\x0b", "\x0c", "\x85", "\u2028", "\x1b", "\x1b[2J", "\u202e"]),
    st.integers(min_value=0),
    st.integers(min_value=0),
)
def test_control_characters_inside_a_paragraph_break_nothing(norway: Report, char: str, which: int, at: int) -> None:
    paragraphs = [p for _, p in norway.paragraphs()]
    target = paragraphs[which % len(paragraphs)]
    # Between two letters of a word, well inside the paragraph.
    inner = [i for i in range(1, len(target.text)) if target.text[i - 1].isalpha() and target.text[i].isalpha()]
    offset = target.span.start + inner[at % len(inner)]
    changed = parse_text(norway.text[:offset] + char + norway.text[offset:])
    _assert_faithful(changed)
    assert [s.id for s in changed.sections] == [s.id for s in norway.sections]
    assert [p.id for _, p in changed.paragraphs()] == [p.id for p in paragraphs]
    edited = changed.find(target.id)
    assert edited is not None and char in edited.text
    assert edited.text.replace(char, "", 1) == target.text
    assert len(changed.recommendations) == len(norway.recommendations)


def test_a_five_megabyte_line_parses_whole() -> None:
    sentence = "Officials in the region opened " + "several " * 60 + "cases during the year. "
    line = (sentence * (5_000_000 // len(sentence) + 1))[:5_000_000]
    report = parse_text(line)
    paragraphs = [p for _, p in report.paragraphs()]
    assert len(paragraphs) == 1 and len(paragraphs[0].text) == len(line.strip())
    assert len(paragraphs[0].sentences) == line.count(". ") + 1


def test_a_two_megabyte_word_parses_whole() -> None:
    for word in ("x" * 2_000_000, "X" * 2_000_000, "." * 2_000_000):
        report = parse_text(word)
        (paragraph,) = [p for _, p in report.paragraphs()]
        assert paragraph.text == word
        assert len(paragraph.sentences) == 1
