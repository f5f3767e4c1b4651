"""Numbers as narratives write them: the regex fragment and the parser."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipbrowser.numbers import NUMBER, NUMBER_WORDS, YEAR, number_value, parse_number

FIND = re.compile(NUMBER)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three", 3),
        ("Thirty-two", 32),
        ("forty three", 43),
        ("forty-three", 43),
        ("zero", 0),
        ("none", 0),
        ("Nineteen", 19),
        ("one hundred twenty-five", 125),
        ("two hundred", 200),
        ("2,229", 2229),
        ("1,558,000", 1558000),
        ("37.7 million", 37_700_000),
        ("18 million", 18_000_000),
        ("1.5 billion", 1_500_000_000),
        ("two million", 2_000_000),
        ("3.31 million", 3_310_000),
        ("12.5", 12.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value
    assert type(parse_number(text)) is type(value)


@pytest.mark.parametrize("text", ["", "victims", "twelvefold", "1,2,3", "²", "١٢", "１２", "3²", "-"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_number_value_refuses_years() -> None:
    assert number_value("2024") is None
    assert number_value("2,024") == 2024


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Police investigated 19 cases", ["19"]),
        ("Thirty-two victims were children", ["Thirty-two"]),
        ("2,229 potential victims", ["2,229"]),
        ("18 million Norwegian kroner", ["18 million"]),
        ("in 2024, and 2,024 reports", ["2,024"]),
        ("since 2007.", []),
        ("a six-month reflection period and a 24-hour hotline", []),
        ("a twenty-four-hour line", []),
        ("a 75 percent increase, 30% fewer, 12 per cent", []),
        ("10² and ١٢ and １２ and x٣", []),
        ("often, tense, nonetheless, someone", []),
        ("Alliance 8.7", ["8.7"]),
    ],
)
def test_number_fragment(text: str, found: list[str]) -> None:
    assert [m.group() for m in FIND.finditer(text)] == found


def test_year_fragment() -> None:
    assert [m.group() for m in re.finditer(YEAR, "In 2024, from 1999 to 2,024 and 20241")] == ["2024", "1999"]


def test_number_words_are_lower_case_single_words() -> None:
    assert {"three", "thirty", "zero", "none"} <= NUMBER_WORDS
    assert all(word == word.lower() and " " not in word for word in NUMBER_WORDS)


@given(st.text(max_size=40))
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or value >= 0


@given(st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=8))
def test_only_ascii_digits_are_numbers(text: str) -> None:
    for match in FIND.finditer(text):
        assert match.group().isascii()
