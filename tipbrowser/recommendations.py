"""Splitting a recommendations section into items, in every layout the reports have used."""

from __future__ import annotations

import re

from tipbrowser.model import Paragraph

__all__ = ["split_items", "looks_like_recommendations", "should_sentences", "IMPERATIVE_VERBS"]

_BULLET_START = re.compile(r"\s*(?:[•*▪◦●·]|-(?=\s))\s*")
_INLINE_BULLET = re.compile(r"(?<!\s)(?:\s+[•▪●]\s*|\s+\*\s+)|(?<=[.;])\s*•\s*")
_GLUED = re.compile(r"(?<=[a-z)”’])\.(?=[A-Z][a-z])")
_SEMICOLON = re.compile(r";\s*")
_LEADING_AND = re.compile(r"(?:and|And)\s+(?=\S)")
_FORMULA = re.compile(r"The (?:Government|government)\b")
_SHOULD = re.compile(r"\bshould (?=[a-z])")
_SHOULD_SUBJECT = re.compile(r"(?:The )?(?:Government|government|[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)*) ")

IMPERATIVE_VERBS = frozenset(
    """
    adopt allocate allow amend apply approve assist build cease clarify collect complete
    conduct consistently continue coordinate create criminalize criminalise dedicate
    designate develop disseminate draft effectively eliminate empower enact encourage end
    enforce enhance ensure establish expand extend facilitate finalize finalise formalize
    formalise fully fund grant harmonize hold identify implement improve increase
    incorporate institutionalize integrate investigate issue launch make mandate monitor
    offer partner pass proactively promote prosecute protect provide publish pursue raise
    ratify reduce refer regulate remove require resume retain revise screen seek set
    significantly standardize strengthen support systematically take track train undertake
    update utilize vigorously work prioritize prevent respect adequately robustly
    sufficiently continuously expeditiously actively establish reinstate dedicate amend
    collaborate consider disburse investigate negotiate sustain hire include inform
    convict punish sentence stop give let draft define pay end reform abolish accede
    address adjust appoint assess audit authorize ban bolster broaden cooperate deliver
    deploy devote discontinue distinguish educate enable engage equip evaluate exempt
    explore finance fix institute introduce maintain modify operate permit prohibit
    proactive proactively provide put recognize register reinforce release reopen report
    review safeguard share shorten simplify spread stand streamline submit tackle target
    """.split()
)


def looks_like_recommendations(text: str) -> bool:
    """Whether an unheaded paragraph reads as a list of recommendations, not prose."""
    stripped = text.strip()
    if not stripped:
        return False
    if _BULLET_START.match(stripped) or " • " in stripped:
        return True
    if _FORMULA.match(stripped):
        return False
    first = re.match(r"[A-Za-z]+", stripped)
    if first is None or first.group().lower() not in IMPERATIVE_VERBS:
        return False
    return True


def split_items(paragraphs: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Split the paragraphs of a recommendations section into item spans.

    Bulleted, one-per-paragraph and glued layouts split on bullets and on a full stop
    glued to a capital letter. Only a lone paragraph without bullets or glued stops (the
    2009–2018 style) is split on semicolons, so an item's own semicolons survive elsewhere.
    """
    bulleted = any(_has_bullets(text[s:e]) for s, e in paragraphs)
    glued = any(_GLUED.search(text, s, e) for s, e in paragraphs)
    semicolon_style = len(paragraphs) == 1 and not bulleted and not glued
    items: list[tuple[int, int]] = []
    for start, end in paragraphs:
        pieces = _cut(text, start, end, _INLINE_BULLET)
        pieces = [p for s, e in pieces for p in _cut_glued(text, s, e)]
        if semicolon_style and text.count(";", start, end) >= 1:
            pieces = [p for s, e in pieces for p in _cut(text, s, e, _SEMICOLON)]
        for s, e in pieces:
            item = _clean(text, s, e)
            if item is not None:
                items.append(item)
    return items


def _has_bullets(paragraph: str) -> bool:
    return bool(_BULLET_START.match(paragraph)) or bool(_INLINE_BULLET.search(paragraph))


def _cut(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    at = start
    for match in separator.finditer(text, start, end):
        pieces.append((at, match.start()))
        at = match.end()
    pieces.append((at, end))
    return pieces


def _cut_glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    at = start
    for match in _GLUED.finditer(text, start, end):
        pieces.append((at, match.end()))
        at = match.end()
    pieces.append((at, end))
    return pieces


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim bullets, space and a leading "and" from an item span."""
    while True:
        bullet = _BULLET_START.match(text, start, end)
        if bullet and bullet.end() > start:
            start = bullet.end()
            continue
        break
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "•*"):
        end -= 1
    conj = _LEADING_AND.match(text, start, end)
    if conj:
        start = conj.end()
    if end - start < 3 or not re.search(r"[A-Za-z]", text[start:end]):
        return None
    return start, end


def should_sentences(paragraph: Paragraph) -> list[tuple[int, int]]:
    """The 2006 layout: "The government should …" sentences of the summary are the items."""
    return [
        (sentence.span.start, sentence.span.end)
        for sentence in paragraph.sentences
        if _SHOULD.search(sentence.text) and _SHOULD_SUBJECT.match(sentence.text)
    ]
