"""Sentence segmentation on the cases narratives make hard."""

from __future__ import annotations

import pytest

from tipbrowser.sentences import split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. government funded a shelter. It opened in May.",
            ["The U.S. government funded a shelter.", "It opened in May."],
        ),
        (
            "Some victims were taken to the U.S. The police opened a case.",
            ["Some victims were taken to the U.S.", "The police opened a case."],
        ),
        (
            "Funding rose to 18 million kroner ($1.59 million) in 2024. Shelters received most of it.",
            ["Funding rose to 18 million kroner ($1.59 million) in 2024.", "Shelters received most of it."],
        ),
        (
            "The court applied Law No. 14 of 2019 and Art. 302. Convictions followed later.",
            ["The court applied Law No. 14 of 2019 and Art. 302.", "Convictions followed later."],
        ),
        (
            "Officials said the answer was no. The plan was dropped.",
            ["Officials said the answer was no.", "The plan was dropped."],
        ),
        (
            "A report by J. R. Smith and A. Jones was cited. Few read it.",
            ["A report by J. R. Smith and A. Jones was cited.", "Few read it."],
        ),
        (
            "Some sectors, e.g. Fishing and farming, were inspected. Others were not.",
            ["Some sectors, e.g. Fishing and farming, were inspected.", "Others were not."],
        ),
        (
            "The law protects trafficking victims.The government did not enforce it.",
            ["The law protects trafficking victims.", "The government did not enforce it."],
        ),
        (
            "Officials did not apply the provisions in the criminal code Under Section 62a a victim may refuse.",
            ["Officials did not apply the provisions in the criminal code", "Under Section 62a a victim may refuse."],
        ),
        (
            "A survivor said, “I was told the job was real.” The agency denied it.",
            ["A survivor said, “I was told the job was real.”", "The agency denied it."],
        ),
        (
            "Police identified victims in 2023. 15 of them were children.",
            ["Police identified victims in 2023.", "15 of them were children."],
        ),
        (
            "Fines ranged widely. $500 was the lowest.",
            ["Fines ranged widely.", "$500 was the lowest."],
        ),
        (
            "The website www.example.org lists 3.5 percent growth. That was new.",
            ["The website www.example.org lists 3.5 percent growth.", "That was new."],
        ),
        (
            "Did the government act? Observers doubted it! Nothing changed.",
            ["Did the government act?", "Observers doubted it!", "Nothing changed."],
        ),
        (
            "Thirty-two victims were children. Twelve were adults.",
            ["Thirty-two victims were children.", "Twelve were adults."],
        ),
        (
            "Workers came from the U.A.E. and elsewhere. Most left.",
            ["Workers came from the U.A.E. and elsewhere.", "Most left."],
        ),
    ],
    ids=[
        "us-inside",
        "us-at-end",
        "money",
        "number-sign",
        "no-as-word",
        "initials",
        "eg",
        "missing-space",
        "missing-stop",
        "quotes",
        "number-starts",
        "dollar-starts",
        "decimals-and-urls",
        "question-and-bang",
        "spelled-number",
        "dotted-initialism",
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_index_the_text_itself() -> None:
    text = "  First one.   Second one.  "
    assert split_sentences(text) == [(2, 12), (15, 26)]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


def test_a_run_of_full_stops_is_one_boundary() -> None:
    assert sentences("It went on... Then it stopped.") == ["It went on...", "Then it stopped."]
