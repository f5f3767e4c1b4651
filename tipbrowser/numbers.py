"""Numbers as narratives write them: digits with separators, words, scales; regex and parser."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["NUMBER", "NUMBER_WORDS", "YEAR", "parse_number", "number_value", "SCALES"]

_UNITS = {
    "zero": 0, "none": 0, "no": 0, "one": 1, "a single": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
"""Scale words and what they multiply by."""

NUMBER_WORDS = frozenset(w for w in (*_UNITS, *_TENS) if " " not in w and w != "no")
"""Lower-case words that can start a number written out."""

_UNIT_WORDS = "|".join(sorted((w for w in _UNITS if w not in ("no", "a single", "single")), key=len, reverse=True))
_TEN_WORDS = "|".join(_TENS)
_DIGIT_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "forty-three", "Thirty two", "one hundred twenty-five", "seventeen"; case-insensitive.
_WORDS = (
    rf"(?i:(?:(?:{_DIGIT_UNITS})\s+hundred(?:\s+(?:and\s+)?)?)?"
    rf"(?:(?:{_TEN_WORDS})(?:[-‐\s](?:{_DIGIT_UNITS}))?|{_UNIT_WORDS})"
    rf"|(?:{_DIGIT_UNITS})\s+hundred"
    r"|(?<=\ba\s)single)"  # "a single prosecution"
)
# ASCII digits only: "²", Arabic-Indic and full-width digits never count as numbers.
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_YEAR_DIGITS = r"(?:19|20)[0-9]{2}(?![0-9]|[,.][0-9])"
_SCALE = r"(?:\s+(?:million|billion|thousand)\b)?"

NUMBER = (
    rf"(?<![\w.,\-‐])(?!{_YEAR_DIGITS})(?:{_DIGITS}|{_WORDS})(?![\w]|[-‐][A-Za-z]|[.,][0-9]|\.[0-9])"
    rf"(?!\s*(?:%|percent\b|per\s+cent\b)){_SCALE}"
)
"""A regex fragment matching one count or amount, digits or words, with an optional scale.

Years (1900–2099 written as four bare digits) are excluded so a date is never a count; a
number followed by "-year", "-month" or "percent" is excluded as well.
"""

YEAR = r"(?<![\w,.])(?:19|20)[0-9]{2}(?!\w|[,.][0-9])"
"""A regex fragment matching a calendar year."""

_YEAR_ONLY = re.compile(r"(?:19|20)[0-9]{2}")
_SPLIT = re.compile(r"[\s\-‐]+")


def parse_number(text: str) -> int | float | None:
    """The value of a number written in a narrative, or None when `text` is not one.

    >>> parse_number("Thirty-two"), parse_number("2,229"), parse_number("37.7 million")
    (32, 2229, 37700000)
    """
    words = " ".join(text.strip().lower().split())
    if not words:
        return None
    scale = 1
    for name, factor in SCALES.items():
        if words.endswith(" " + name):
            scale, words = factor, words[: -len(name) - 1].strip()
            break
    if words and words[0].isascii() and words[0].isdigit():
        return _digits(words, scale)
    count = _words_value(words)
    return None if count is None else count * scale


def number_value(text: str) -> int | float | None:
    """Like `parse_number`, but refuses a bare four-digit year."""
    if _YEAR_ONLY.fullmatch(text.strip()):
        return None
    return parse_number(text)


def _digits(words: str, scale: int) -> int | float | None:
    if not re.fullmatch(_DIGITS, words):
        return None
    try:
        amount = Decimal(words.replace(",", "")) * scale
    except InvalidOperation:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _words_value(words: str) -> int | None:
    if words in _UNITS:
        return _UNITS[words]
    total = 0
    current = 0
    for part in _SPLIT.split(words):
        if part == "and":
            continue
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part == "hundred":
            current = (current or 1) * 100
        else:
            return None
    total += current
    return total
