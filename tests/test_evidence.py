"""Evidence linking: ranking, limits, vocabulary bridges, structure signals and the API."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipbrowser.evidence import (
    MAX_EVIDENCE,
    THRESHOLD,
    Link,
    link_evidence,
    recommendation_pillar,
    supported_by,
)
from tipbrowser.evidence_text import qualifier_spans, request_words, stem
from tipbrowser.model import Report, SectionKind
from tipbrowser.parser import parse_text
from tipbrowser.search import SearchIndex
from tipbrowser.vocabulary import CONCEPTS, find_concepts, find_cues

_NARRATIVE = """\
2024 Trafficking in Persons Report: Tessaly

TESSALY (Tier 2)

The Government of Tessaly does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so. The government opened a second hotline. However, the government did not meet the minimum standards in several key areas. The government still had no formal referral system for victims.

PRIORITIZED RECOMMENDATIONS:

  • Establish a national referral mechanism for victims.
  • Ratify the convention on maritime boundaries.
  • Adopt a national action plan and raise public awareness.

PROSECUTION

The government maintained law enforcement efforts. Police opened four investigations in 2023.

PROTECTION

The government maintained protection efforts. Officials continued to work without an NRM, and NGOs said victims were often not referred to care. A hotline run by an NGO received 40 calls.

PREVENTION

The government maintained prevention efforts. The NAP expired in 2022 and no new plan was drafted. The government ran a campaign on a [bold]radio[/bold] station.
"""


def _tessaly() -> Report:
    return parse_text(_NARRATIVE, source="tessaly.txt")


def _link(links: tuple[Link, ...], number: int) -> Link:
    return next(link for link in links if link.recommendation_id.endswith(f"/r{number}"))


def test_each_link_is_ranked_bounded_and_from_the_body(norway: Report) -> None:
    links = link_evidence(norway)
    assert [link.recommendation_id for link in links] == [r.id for r in norway.recommendations]
    for link in links:
        assert 0 < len(link.evidence) <= MAX_EVIDENCE
        scores = [e.score for e in link.evidence]
        assert scores == sorted(scores, reverse=True)
        assert all(THRESHOLD <= score <= 1.0 for score in scores)
        for evidence in link.evidence:
            assert "/recommendations/" not in evidence.sentence_id
            assert evidence.sentence_id.startswith(evidence.paragraph_id + "/")
            assert norway.find(evidence.sentence_id).text == evidence.text  # type: ignore[union-attr]
            assert evidence.section_kind != SectionKind.RECOMMENDATIONS.value


def test_terms_and_spans_point_into_the_sentence(norway: Report) -> None:
    for link in link_evidence(norway):
        for evidence in link.evidence:
            assert evidence.spans, evidence.sentence_id
            pieces = [evidence.text[start:end] for start, end in evidence.spans]
            assert set(pieces) == set(evidence.terms)
            assert all(a[1] <= b[0] for a, b in zip(evidence.spans, evidence.spans[1:]))


def test_the_nrm_recommendation_finds_the_eight_years_of_delay(norway: Report) -> None:
    link = _link(link_evidence(norway), 5)
    ids = [e.sentence_id for e in link.evidence]
    assert ids[0] == "norway-2025/protection/p2/s6"
    summary = next(e for e in link.evidence if e.sentence_id == "norway-2025/intro/p1/s11")
    assert "summary deficit" in summary.reasons
    assert link.pillar == "protection"


def test_the_strategy_recommendation_ignores_other_strategies(norway: Report) -> None:
    link = _link(link_evidence(norway), 7)
    top = [e.sentence_id for e in link.evidence[:3]]
    assert set(top[:2]) == {"norway-2025/prevention/p1/s4", "norway-2025/prevention/p1/s5"}
    assert "norway-2025/prevention/p3/s2" not in top


def test_vocabulary_bridges_different_wording() -> None:
    links = link_evidence(_tessaly())
    nrm = _link(links, 1)
    top = {e.sentence_id: e for e in nrm.evidence[:2]}
    assert set(top) == {"tessaly-2024/protection/p1/s2", "tessaly-2024/intro/p1/s4"}
    bridged = top["tessaly-2024/protection/p1/s2"]
    assert "NRM" in bridged.terms
    assert any(reason.startswith("vocabulary: NRM = national referral mechanism") for reason in bridged.reasons)
    nap = _link(links, 3)
    assert nap.evidence[0].sentence_id == "tessaly-2024/prevention/p1/s2"
    assert "NAP" in nap.evidence[0].terms


def test_links_below_the_threshold_are_dropped_not_padded() -> None:
    links = link_evidence(_tessaly())
    assert _link(links, 2).evidence == ()
    assert all(len(link.evidence) < 6 for link in links)


def test_framing_sentences_are_never_evidence() -> None:
    ids = {e.sentence_id for link in link_evidence(_tessaly()) for e in link.evidence}
    assert "tessaly-2024/intro/p1/s1" not in ids
    assert "tessaly-2024/intro/p1/s3" not in ids
    assert "tessaly-2024/protection/p1/s1" not in ids


def test_summary_deficits_start_after_the_turn() -> None:
    links = link_evidence(_tessaly())
    reasons = {e.sentence_id: e.reasons for link in links for e in link.evidence}
    assert "summary deficit" in reasons["tessaly-2024/intro/p1/s4"]


def test_supported_by_inverts_the_links(norway: Report) -> None:
    links = link_evidence(norway)
    inverse = supported_by(links)
    assert "norway-2025/recommendations/r5" in inverse["norway-2025/protection/p2/s6"]
    for sentence_id, rec_ids in inverse.items():
        for rec_id in rec_ids:
            link = next(link for link in links if link.recommendation_id == rec_id)
            assert sentence_id in {e.sentence_id for e in link.evidence}
    assert sum(len(ids) for ids in inverse.values()) == sum(len(link.evidence) for link in links)


def test_a_shared_index_links_only_within_the_report(norway: Report) -> None:
    shared = SearchIndex.build([_tessaly(), norway])
    together, alone = link_evidence(norway, shared), link_evidence(norway)
    assert all(e.sentence_id.startswith("norway-2025/") for link in together for e in link.evidence)
    assert [link.evidence[0].sentence_id for link in together] == [link.evidence[0].sentence_id for link in alone]
    assert link_evidence(norway) == alone


def test_a_report_without_recommendations_has_no_links() -> None:
    text = _NARRATIVE.split("PRIORITIZED")[0] + "PROTECTION\n\nThe government had no NRM.\n"
    assert link_evidence(parse_text(text)) == ()


def test_pillars_are_inferred_from_the_words() -> None:
    assert recommendation_pillar("Vigorously investigate and prosecute traffickers and seek adequate penalties.") == "prosecution"
    assert recommendation_pillar("Increase funding for shelters and screen migrants for indicators.") == "protection"
    assert recommendation_pillar("Adopt a national action plan and regulate recruitment fees.") == "prevention"
    assert recommendation_pillar("Improve coordination among ministries.") is None


def test_vocabulary_table_is_well_formed() -> None:
    keys = [concept.key for concept in CONCEPTS]
    assert len(keys) == len(set(keys))
    assert all(concept.label and concept.phrases for concept in CONCEPTS)
    assert {concept.pillar for concept in CONCEPTS} == {None, "prosecution", "protection", "prevention"}


def test_find_concepts_matches_inflections_and_abbreviations() -> None:
    text = "Officials were penalized; NRMs and the national referral mechanism; Section 62a; non-punishment."
    found = {(hit.concept.key, hit.text) for hit in find_concepts(text)}
    assert ("non_punishment", "penalized") in found
    assert ("nrm", "NRMs") in found
    assert ("nrm", "national referral mechanism") in found
    assert ("statute", "Section 62a") in found
    assert ("non_punishment", "non-punishment") in found
    assert not any(hit.concept.key == "nrm" for hit in find_concepts("an unrelated nrmx word"))


def test_generic_phrases_count_for_half() -> None:
    strengths = {hit.text: hit.strength for hit in find_concepts("its strategy and the national strategy")}
    assert strengths == {"strategy": 0.5, "national strategy": 1.0}


def test_cues_find_deficit_words() -> None:
    text = "Authorities did not screen victims and lacked capacity."
    assert [text[s:e] for s, e in find_cues(text)] == ["did not", "lacked"]
    assert find_cues("The government opened a shelter.") == []


def test_request_words_drop_fillers_and_qualifiers_are_found() -> None:
    text = "Vigorously investigate cases, including those involving children."
    assert request_words(text) == ["investigate", "cases", "involving", "children"]
    assert [text[s:e] for s, e in qualifier_spans(text)] == ["including those involving children"]
    assert stem("investigators") == stem("investigation") == stem("investigate")
    assert stem("Staffing") == stem("staff")


def test_every_fixture_layout_links_without_surprises() -> None:
    from pathlib import Path

    from tipbrowser.parser import parse_path

    fixtures = sorted((Path(__file__).parent / "fixtures").rglob("*.txt"))
    assert len(fixtures) > 20
    for path in fixtures:
        report = parse_path(path)
        links = link_evidence(report)
        assert len(links) == len(report.recommendations)
        body = {s.id for section, _, s in report.sentences() if section.kind is not SectionKind.RECOMMENDATIONS}
        for link in links:
            assert len(link.evidence) <= MAX_EVIDENCE
            assert {e.sentence_id for e in link.evidence} <= body


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_NARRATIVE.split()) | st.text(max_size=12), max_size=80))
def test_any_text_links_without_error(words: list[str]) -> None:
    text = _NARRATIVE.split("PROSECUTION")[0] + "PROTECTION\n\n" + " ".join(words) + "\n"
    for link in link_evidence(parse_text(text)):
        for evidence in link.evidence:
            assert all(0 <= s < e <= len(evidence.text) for s, e in evidence.spans)
