"""The query language and the folding shared by the index and its queries."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipbrowser.folding import fold, fold_chars, fold_texts, token_texts, tokens, words
from tipbrowser.query import MAX_TERMS, Filter, TermKind, as_typed, literal, parse


@pytest.mark.parametrize(
    ("uk", "us"),
    [
        ("labour", "labor"),
        ("Labourers", "laborers"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("criminalise", "criminalize"),
        ("criminalised", "criminalized"),
        ("criminalisation", "criminalization"),
        ("organisations", "organizations"),
        ("offences", "offenses"),
        ("defence", "defense"),
        ("counselling", "counseling"),
        ("centre", "center"),
        ("judgement", "judgment"),
        ("analysed", "analyzed"),
        ("behaviour", "behavior"),
    ],
)
def test_uk_and_us_spellings_fold_to_one_form(uk: str, us: str) -> None:
    assert fold(uk) == fold(us)


@pytest.mark.parametrize("word", ["otherwise", "exercise", "promise", "advertising", "crisis", "basis"])
def test_words_that_only_look_like_ise_spellings_are_kept(word: str) -> None:
    assert fold(word) == word


def test_case_diacritics_and_quotes_fold_away() -> None:
    assert fold("Côte d’Ivoire") == fold("cote d'ivoire") == "cote d'ivoire"
    assert fold("“Safe Harbour”") == '"safe harbor"'
    assert fold("STRASSE") == fold("Straße")


def test_nfc_and_nfd_fold_alike() -> None:
    nfc = unicodedata.normalize("NFC", "Pôrto Strélsau")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert fold(nfc) == fold(nfd) == "porto strelsau"


def test_tokens_keep_the_offsets_of_the_original_words() -> None:
    text = "Pa\u0301blo’s labour-camps"
    found = tokens(text)
    assert [(text[t.start : t.end], t.folded) for t in found] == [
        ("Pa\u0301blo", "pablo"),
        ("s", "s"),
        ("labour", "labor"),
        ("camps", "camps"),
    ]
    assert found[2].stem == found[2].stem == "labor"


def test_words_phrases_and_prefixes() -> None:
    query = parse('forced "sex trafficking" traffick*')
    assert [[(t.kind, t.tokens) for t in group] for group in query.groups] == [
        [(TermKind.WORD, ("forced",))],
        [(TermKind.PHRASE, ("sex", "trafficking"))],
        [(TermKind.PREFIX, ("traffick",))],
    ]
    assert query.problem is None


def test_curly_quotes_make_a_phrase() -> None:
    query = parse("“forced labour”")
    assert [(t.kind, t.tokens) for t in query.terms] == [(TermKind.PHRASE, ("forced", "labor"))]


def test_exclusions_and_not() -> None:
    query = parse("shelter -hotline NOT ngo")
    assert [t.tokens for t in query.terms] == [("shelter",)]
    assert [t.tokens for t in query.excluded] == [("hotline",), ("ngo",)]


def test_or_joins_the_terms_on_either_side() -> None:
    query = parse("shelter OR housing victims")
    assert [[t.tokens[0] for t in group] for group in query.groups] == [["shelter", "housing"], ["victims"]]


def test_a_hyphenated_word_is_a_phrase_not_an_exclusion() -> None:
    query = parse("anti-trafficking")
    assert [(t.kind, t.tokens) for t in query.terms] == [(TermKind.PHRASE, ("anti", "trafficking"))]
    assert not query.excluded


def test_field_filters_are_folded() -> None:
    query = parse('tier:"2 Watch List" section:Protection -country:Côte year:2020-2024 victims')
    assert query.filters == [
        Filter("tier", "2 watch list"),
        Filter("section", "protection"),
        Filter("country", "cote", negated=True),
        Filter("year", "2020-2024"),
    ]
    assert [t.tokens for t in query.terms] == [("victims",)]


def test_an_unknown_field_is_read_as_words() -> None:
    query = parse("article:7")
    assert not query.filters
    assert [t.tokens for t in query.terms] == [("article", "7")]


@pytest.mark.parametrize(
    "text", ['"forced labor', "shelter OR", "OR shelter", "a OR OR b", "(", "*", "-", "year:", "tra*ffick*"]
)
def test_queries_that_cannot_be_parsed_say_why(text: str) -> None:
    assert parse(text).problem


def test_the_literal_reading_keeps_only_words() -> None:
    query = literal('"forced labour OR (NEAR')
    assert [t.tokens for t in query.terms] == [("forced",), ("labor",), ("or",), ("near",)]


def test_very_long_queries_are_capped() -> None:
    query = parse(" ".join(f"w{i}" for i in range(500)))
    assert len(query.terms) == MAX_TERMS
    assert query.notice


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_parses_without_raising(text: str) -> None:
    query = parse(text)
    assert isinstance(query.problem, str | None)
    literal(text)
    fold(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40) | st.text(max_size=40))
def test_highlighting_sees_the_tokens_the_index_sees(text: str) -> None:
    indexed = token_texts(fold(text))
    highlighted = [token for _, _, parts in words(text) for token in parts]
    assert highlighted == indexed


_WORDISH = st.sampled_from([*"aZé\u0301ø•ß²_-' \x00\ue001K", "Labour", "programmes", "organise", "ÉCOLE"])


def _folded_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDISH, max_size=16).map("".join))
def test_only_words_beyond_ascii_are_folded_beyond_lower_case(text: str) -> None:
    runs = re.split(r"((?:[^\W_]|[\u0300-\u036f\ue000-\uf8ff])+)", text.lower())
    expected = "".join(_folded_word(run) if i % 2 and not run.isascii() else run for i, run in enumerate(runs))
    assert fold_chars(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_WORDISH, max_size=10).map("".join), max_size=6))
def test_folding_many_texts_at_once_folds_each_as_alone(texts: list[str]) -> None:
    folded, words_seen = fold_texts(texts)
    assert folded == [fold(text) for text in texts]
    assert {token for text in folded for token in token_texts(text)} <= words_seen


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("traff", "traff*"),
        ("forced lab", "forced lab*"),
        ("Côte", "Côte*"),
        ("forced lab ", "forced lab "),
        ('"forced lab"', '"forced lab"'),
        ("victims -shel", "victims -shel"),
        ("section:prot", "section:prot"),
        ("shelter OR", "shelter OR"),
        ("traff*", "traff*"),
        ("anti-traff", "anti-traff"),
        ("", ""),
    ],
)
def test_a_query_being_typed_reads_its_last_plain_word_as_a_prefix(typed: str, read: str) -> None:
    assert as_typed(typed) == read
