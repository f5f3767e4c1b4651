"""Walking recommendations and their evidence without Textual: stepping, spans, markers, returning."""

from __future__ import annotations

import pytest

from tipbrowser.evidence import Evidence, Link, link_evidence
from tipbrowser.model import Report, Sentence
from tipbrowser.ui.evidence_controller import EvidenceWalk, marker_for, recommendation_label


def _sentence(report: Report, sentence_id: str) -> Sentence:
    node = report.find(sentence_id)
    assert isinstance(node, Sentence)
    return node


def _evidence(report: Report, sentence_id: str, word: str) -> Evidence:
    sentence = _sentence(report, sentence_id)
    start = sentence.text.index(word)
    return Evidence(sentence_id, sentence_id.rsplit("/", 1)[0], "protection", 0.5, sentence.text, (word,),
                    ((start, start + len(word)),), ("test",))


@pytest.fixture
def walk(norway: Report) -> EvidenceWalk:
    """Three recommendations: r1 with two passages, r2 with one shared with r1, r3 with none."""
    a = _evidence(norway, "norway-2025/protection/p2/s6", "NRM")
    b = _evidence(norway, "norway-2025/prosecution/p4/s4", "police")
    links = (
        Link("norway-2025/recommendations/r1", "First.", "protection", (a, b)),
        Link("norway-2025/recommendations/r2", "Second.", "prosecution", (b,)),
        Link("norway-2025/recommendations/r3", "Third.", None, ()),
    )
    return EvidenceWalk(norway, links)


def test_recommendations_step_from_either_end_and_wrap(walk: EvidenceWalk) -> None:
    assert walk.link is None
    assert walk.step_recommendation(-1).recommendation_id.endswith("/r3")  # type: ignore[union-attr]
    assert walk.step_recommendation(1).recommendation_id.endswith("/r1")  # type: ignore[union-attr]
    assert walk.step_recommendation(1).recommendation_id.endswith("/r2")  # type: ignore[union-attr]


def test_evidence_steps_wrap_and_reset_with_the_recommendation(walk: EvidenceWalk) -> None:
    first = walk.step_evidence(1)  # no recommendation yet: the first one's
    assert walk.link is not None and walk.link.recommendation_id.endswith("/r1")
    assert first is not None and first.sentence_id.endswith("protection/p2/s6")
    assert walk.step_evidence(1).sentence_id.endswith("prosecution/p4/s4")  # type: ignore[union-attr]
    assert walk.step_evidence(1) is first
    walk.step_recommendation(1)
    assert walk.evidence is None and walk.current_evidence is None
    assert walk.step_evidence(-1).sentence_id.endswith("prosecution/p4/s4")  # type: ignore[union-attr]


def test_a_recommendation_without_evidence_gives_none(walk: EvidenceWalk) -> None:
    walk.select("norway-2025/recommendations/r3")
    assert walk.step_evidence(1) is None
    assert walk.select("norway-2025/recommendations/r99") is None


def test_spans_move_from_the_sentence_into_the_report_text(walk: EvidenceWalk, norway: Report) -> None:
    evidence = walk.links[0].evidence[0]
    (span,) = walk.spans(evidence)
    assert norway.text[span.start : span.end] == "NRM"
    assert span.start > _sentence(norway, evidence.sentence_id).span.start


def test_markers_name_the_one_recommendation_or_mark_several(walk: EvidenceWalk) -> None:
    assert walk.markers() == {"norway-2025/protection/p2/s6": "1", "norway-2025/prosecution/p4/s4": "*"}
    assert marker_for(["x/recommendations/r12"]) == "*"
    assert recommendation_label("x/recommendations/r12") == "r12"


def test_returning_prefers_the_selected_recommendation_and_lands_on_that_passage(walk: EvidenceWalk) -> None:
    shared = "norway-2025/prosecution/p4/s4"
    assert walk.return_target("norway-2025/intro/p1/s1") is None
    assert walk.return_target(shared).recommendation_id.endswith("/r1")  # type: ignore[union-attr]
    assert walk.evidence == 1
    walk.select("norway-2025/recommendations/r2")
    assert walk.return_target(shared).recommendation_id.endswith("/r2")  # type: ignore[union-attr]
    assert walk.current_evidence is not None and walk.current_evidence.sentence_id == shared


def test_real_links_mark_every_supporting_sentence(norway: Report) -> None:
    walk = EvidenceWalk(norway, link_evidence(norway))
    markers = walk.markers()
    assert set(markers) == {e.sentence_id for link in walk.links for e in link.evidence}
    assert all(len(marker) == 1 for marker in markers.values())
    assert "5" in markers.values()  # the NRM passage supports r5 alone


def test_the_recommendation_the_reader_is_on_becomes_the_selected_one(walk: EvidenceWalk, norway: Report) -> None:
    recommendation = norway.recommendations[1]
    paragraph = norway.find(recommendation.paragraph_id)
    inside = next(s for s in paragraph.sentences if s.span.end > recommendation.span.start)  # type: ignore[union-attr]
    walk.step_evidence(1)
    assert walk.follow_reader(inside.id) is walk.links[1]
    assert walk.evidence is None  # its own evidence starts from the first
    assert walk.follow_reader("norway-2025/protection/p2/s6") is None
    assert walk.link is walk.links[1]
