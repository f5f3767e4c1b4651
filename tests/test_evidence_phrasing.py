"""How recommendations are phrased and how findings are worded: verbs, stop requests, summaries."""

from __future__ import annotations

from tipbrowser.evidence import Link, link_evidence
from tipbrowser.evidence_text import request_verbs
from tipbrowser.model import Report
from tipbrowser.parser import parse_text
from tipbrowser.vocabulary import find_concepts, find_cues

_NARRATIVE = """\
2021 Trafficking in Persons Report: Quarnel

QUARNEL: Tier 3

The Government of Quarnel does not fully meet the minimum standards for the elimination of trafficking and is not making significant efforts to do so; therefore Quarnel remained on Tier 3. Despite the lack of significant efforts, the government took some steps to address trafficking, including opening a shelter for women. However, officials did not identify any victims among migrants.

PRIORITIZED RECOMMENDATIONS:

  • End the mobilization of students for the cotton harvest.
  • Train consular officers to help citizens exploited abroad.
  • Open a shelter for women.
  • Proactively identify victims among migrants.

PROSECUTION

The government maintained minimal law enforcement efforts. Police officers received no training on trafficking and lacked vehicles.

PROTECTION

The government decreased protection efforts. Embassies had no guidance for such cases, and few staff spoke the languages of the victims. The government opened a shelter for women in the capital.

PREVENTION

The government made negligible prevention efforts. The government did not let observers near the cotton harvest or speak to students in the fields. Thousands of students were mobilized for the harvest.
"""


def _quarnel() -> Report:
    return parse_text(_NARRATIVE, source="quarnel.txt")


def _link(links: tuple[Link, ...], number: int) -> Link:
    return next(link for link in links if link.recommendation_id.endswith(f"/r{number}"))


def _verbs(text: str) -> str:
    start, end = request_verbs(text)
    return text[start:end]


def test_the_opening_request_verbs_are_found() -> None:
    assert _verbs("Investigate and prosecute officials complicit in trafficking.") == "Investigate and prosecute"
    assert _verbs("Vigorously investigate and prosecute cases.") == "Vigorously investigate and prosecute"
    assert _verbs("Finalize, fund, and implement a national action plan.") == "Finalize, fund, and implement"
    assert _verbs("Increase efforts to investigate online exploitation.") == "Increase efforts to investigate"
    assert _verbs("Train consular officers.") == "Train"
    assert _verbs("Consular officers should be trained.") == ""


def test_a_stop_request_finds_the_practice_it_names() -> None:
    link = _link(link_evidence(_quarnel()), 1)
    assert link.evidence[0].sentence_id == "quarnel-2021/prevention/p1/s3"
    assert "deficit" not in link.evidence[0].reasons


def test_a_word_another_concept_qualifies_does_not_pull_in_its_own_concept() -> None:
    # "consular officers" asks about consulates: police sentences share only the word
    # "officers" and the means (training), not the police concept.
    evidence = {e.sentence_id: e for e in _link(link_evidence(_quarnel()), 2).evidence}
    police = evidence["quarnel-2021/prosecution/p1/s2"]
    embassies = evidence["quarnel-2021/protection/p1/s2"]
    assert "Police" not in police.terms
    assert embassies.score > 0.5 * police.score


def test_the_summary_list_of_steps_taken_is_not_a_deficit() -> None:
    links = link_evidence(_quarnel())
    reasons = {e.sentence_id: e.reasons for link in links for e in link.evidence}
    steps = reasons["quarnel-2021/intro/p1/s2"]
    assert "deficit" not in steps and "summary deficit" not in steps
    assert "summary deficit" in reasons["quarnel-2021/intro/p1/s3"]


def test_tip_wide_concepts_join_their_wordings() -> None:
    def keys(text: str) -> set[str]:
        return {hit.concept.key for hit in find_concepts(text)}

    assert "begging" in keys("Teachers at religious schools forced boys to beg.")
    assert "child_soldiers" in keys("Militias recruited boys as fighters.")
    assert "osec" in keys("Children were abused in live-streamed videos.")
    assert "osec" in keys("online sexual exploitation of children")
    assert "forced_criminality" in keys("Workers were held in scam compounds.")
    assert "free_movement" in keys("Victims could not leave the shelter without a chaperone.")
    assert "complicity" in keys("Port officials took payments from vessel owners.")
    assert "complicity" in keys("Police warned brothel owners of planned raids.")
    assert "non_punishment" in keys("Police arrested children for prostitution.")
    assert "bonded_labor" in keys("Families took advances against wages at brick kilns.")
    assert "forced_marriage" in keys("Girls were sold as brides.")
    assert "forced_marriage" in keys("Enforce the minimum age of marriage.")
    assert "shelter" in keys("Provide rehabilitation to released laborers.")
    assert "forced_criminality" in keys("Boys were forced to work on cannabis farms.")
    assert "recruitment" in keys("Manning agencies charged crews large sums.")
    assert "charging" in keys("Cases were tried under the labor code.")
    assert "charging" not in keys("Extend labor code protections to domestic workers.")


def test_recruiting_children_is_not_labour_recruitment() -> None:
    strengths = {hit.text: hit.strength for hit in find_concepts("Militias recruit children.") if hit.concept.key == "recruitment"}
    assert strengths == {"recruit": 0.5}


def test_deficits_without_negation_words_are_read() -> None:
    for text in (
        "Police treated complaints as wage disputes.",
        "Consulates had no guidance.",
        "Investigations were hampered by distance.",
        "There was no shelter for men.",
        "Police detained 900 workers for immigration violations.",
        "Officers took payments from brothel owners.",
    ):
        assert find_cues(text), text
