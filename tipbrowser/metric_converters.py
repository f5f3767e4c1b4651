"""Converters for the figure patterns: from a regex match to `Found` figures."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tipbrowser.numbers import parse_number

__all__ = [
    "Range",
    "Found",
    "Context",
    "Converter",
    "LE_VERBS",
    "CASE_VERBS",
    "NONE_VERBS",
    "VICTIM_VERBS",
    "NOUN_NAMES",
    "OFFICIAL_NAMES",
    "law_enforcement",
    "one_official",
    "victims",
    "victims_received",
    "confirmed",
    "granted",
    "granted_none",
    "including",
    "counted",
    "trained",
    "proceedings",
    "returned",
    "none_stated",
    "estimated",
    "qualifier_of",
    "found_at",
]


@dataclass(frozen=True, slots=True)
class Range:
    """A range of values, such as sentences "from five to 15 years"."""

    min: float
    max: float


@dataclass(frozen=True, slots=True)
class Found:
    """One figure a pattern found, with offsets local to the sentence."""

    name: str
    value: int | float | Range
    start: int
    end: int
    unit: str | None = None
    qualifier: str | None = None
    subset: str | None = None
    currency: str | None = None
    usd: int | float | None = None
    applies_to: str | None = None
    year: int | None = None


@dataclass(slots=True)
class Context:
    """What a converter may consult: the sentence and what the report said before it."""

    sentence: str
    currencies: dict[str, str]
    """Currency names already introduced with a code ("norwegian kroner" → "NOK")."""
    section: str = ""
    """The kind of section the sentence is in ("protection", "profile" …)."""
    previous: list[str] = field(default_factory=list)
    """Names of the last victim figures in the paragraph, for "Of these, 12 were children"."""


Converter = Callable[[re.Match[str], Context], list[Found]]
"""A function from a pattern's match to the figures it states."""


LE_VERBS = {
    "investigated": "investigations", "investigating": "investigations",
    "prosecuted": "prosecutions", "prosecuting": "prosecutions",
    "indicted": "prosecutions", "charged": "prosecutions", "tried": "prosecutions",
    "convicted": "convictions", "convicting": "convictions",
    "arrested": "arrests", "arresting": "arrests",
    "acquitted": "acquittals",
}
CASE_VERBS = {"opened": "investigations", "initiated": "investigations", "launched": "investigations",
               "registered": "investigations", "recorded": "investigations"}
VICTIM_VERBS = {
    "identified": "victims_identified", "identifying": "victims_identified",
    "confirmed": "victims_identified", "certified": "victims_identified",
    "recognized": "victims_identified", "registered": "victims_identified",
    "assisted": "victims_assisted", "assisting": "victims_assisted", "served": "victims_assisted",
    "supported": "victims_assisted", "sheltered": "victims_assisted", "housed": "victims_assisted",
    "accommodated": "victims_assisted", "helped": "victims_assisted", "protected": "victims_assisted",
    "referred": "victims_referred", "referring": "victims_referred",
    "repatriated": "victims_repatriated", "returned": "victims_repatriated",
    "rescued": "victims_rescued", "removed": "victims_rescued",
    "screened": "people_screened",
}
# ---------------------------------------------------------------------------------------
# Converters.

_SUBSETS = [
    (re.compile(r"\b(?:child|children|minors?|underage|girls?|boys?|juveniles?)\b", re.I), "child"),
    (re.compile(r"\b(?:adults?)\b", re.I), "adult"),
    (re.compile(r"\b(?:male|men)\b", re.I), "male"),
    (re.compile(r"\b(?:female|women)\b", re.I), "female"),
    (re.compile(r"\b(?:foreign(?:\s+nationals?)?|foreigners)\b", re.I), "foreign"),
]
_POTENTIAL = re.compile(r"\b(?:potential|presumed|possible|suspected|probable|likely)\b", re.I)
_OFFICIALS = re.compile(
    r"\b(?:officials?|officers?|employees?|soldiers?|guards?|policem[ae]n|civil\s+servants?|judges?|diplomats?)\b"
)


def _count(match: re.Match[str], group: str = "value") -> int | None:
    value = parse_number(match.group(group))
    return value if isinstance(value, int) else None


def qualifier_of(match: re.Match[str]) -> str | None:
    """The qualifier a match captured ("up to", "more than"), in lower case."""
    text = match.groupdict().get("qualifier")
    return re.sub(r"^an\s+", "", " ".join(text.lower().split())) if text else None


def _year(match: re.Match[str]) -> int | None:
    text = match.groupdict().get("year")
    return int(text) if text else None


def _subset(words: str) -> str | None:
    return next((label for regex, label in _SUBSETS if regex.search(words)), None)


def _noun_phrase(match: re.Match[str]) -> str:
    mods = match.groupdict().get("mods") or ""
    return " ".join(f"{mods}{match.group('noun') or ''}".split())


def _verbs(match: re.Match[str]) -> list[str]:
    return [word.lower() for word in re.findall(r"[A-Za-z]+", match.group("verbs")) if word not in ("and", "or")]


def found_at(match: re.Match[str], name: str, value: int | float | Range, **extra: object) -> Found:
    fields: dict[str, object] = {"qualifier": qualifier_of(match), "year": _year(match)}
    fields.update(extra)
    return Found(name, value, match.start("value"), match.end("value"), **fields)  # type: ignore[arg-type]


NONE_VERBS = {
    "investigate": "investigations", "prosecute": "prosecutions", "indict": "prosecutions",
    "charge": "prosecutions", "convict": "convictions", "arrest": "arrests",
    "identify": "victims_identified", "assist": "victims_assisted", "refer": "victims_referred",
    "repatriate": "victims_repatriated",
}
"""Verbs of "did not convict any traffickers": each states a zero."""
OFFICIAL_NAMES = {
    "investigations": "government_employees_investigated",
    "prosecutions": "government_employees_prosecuted",
    "convictions": "government_employees_convicted",
}
"""The names a proceeding takes when those it counts are government officials."""
_NONE = frozenset({"any", "none", "zero", "no one", "nobody"})


def _count_or_none(match: re.Match[str]) -> int | None:
    if " ".join(match.group("value").lower().split()) in _NONE:
        return 0
    return _count(match)


def law_enforcement(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count_or_none(match)
    return [] if value is None else _enforcement(match, value)


def one_official(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "convicted a municipal official": one, where the article stands for the number."""
    return _enforcement(match, 1)


def _enforcement(match: re.Match[str], value: int) -> list[Found]:
    noun = (match.groupdict().get("noun") or "").lower()
    officials = bool(_OFFICIALS.search(noun))
    found: list[Found] = []
    for verb in _verbs(match):
        name = LE_VERBS.get(verb) or NONE_VERBS.get(verb) or (CASE_VERBS.get(verb) if noun == "cases" else None)
        if name is None or name.startswith("victims"):
            continue
        if officials:
            if name not in OFFICIAL_NAMES:
                continue
            name = OFFICIAL_NAMES[name]
        found.append(found_at(match, name, value, unit=noun.split()[-1] if noun else None))
    return found


_PEOPLE = frozenset({"workers", "migrants", "people", "persons", "individuals", "nationals"})


def victims(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count_or_none(match)
    if value is None:
        return []
    phrase = _noun_phrase(match)
    noun = match.group("noun").lower()
    screening = _verbs(match) == ["screened"]
    if noun in _PEOPLE and not screening and "victim" not in ctx.sentence.lower():
        return []
    found = []
    for verb in _verbs(match):
        name = VICTIM_VERBS.get(verb) or NONE_VERBS.get(verb)
        if name is None or not name.startswith(("victims", "people")):
            continue
        if name == "victims_identified" and _POTENTIAL.search(phrase):
            name = "potential_victims"
        found.append(found_at(match, name, value, unit=phrase, subset=_subset(phrase)))
    return found


def confirmed(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "of whom 61 were later confirmed": victims identified among those counted before."""
    value = _count(match)
    return [] if value is None else [found_at(match, "victims_identified", value, unit="victims")]


def victims_received(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count(match)
    if value is None:
        return []
    phrase = _noun_phrase(match)
    name = "victims_compensated" if re.match(r"compens|restitut|damag", match.group("kind")) else "victims_assisted"
    return [found_at(match, name, value, unit=phrase, subset=_subset(phrase))]


_GRANTS = [
    (re.compile(r"reflection|recovery", re.I), "reflection_periods"),
    (re.compile(r"permit|visa|status|residen", re.I), "residence_permits"),
    (re.compile(r"compensation|restitution|damages", re.I), "victims_compensated"),
    (re.compile(r"assistance|services|shelter|care|support|aid", re.I), "victims_assisted"),
]


def granted(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count(match)
    return [] if value is None else _granted(match, value)


def granted_none(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "did not provide compensation to any victims": a zero."""
    return _granted(match, 0)


def _granted(match: re.Match[str], value: int) -> list[Found]:
    kind = match.group("kind")
    name = next((label for regex, label in _GRANTS if regex.search(kind)), None)
    if name is None:
        return []
    phrase = _noun_phrase(match)
    subset = _subset(phrase) if name.startswith("victims") else None  # permits go to foreign victims anyway
    return [found_at(match, name, value, unit=phrase, subset=subset)]


def including(match: re.Match[str], ctx: Context) -> list[Found]:
    """A subset of the figure before it: the name is filled in by the extractor."""
    value = _count(match)
    if value is None:
        return []
    phrase = _noun_phrase(match)
    if _STAFF_NOUN.search(match.group("noun")):
        return [found_at(match, "@previous", value, unit=phrase, subset=phrase)]  # "including 120 judges"
    subset = _subset(phrase) or ("potential" if _POTENTIAL.search(phrase) else None)
    if subset is None:
        return []  # "of these, 31 were victims of sex trafficking" is a breakdown, not a subset
    return [found_at(match, "@previous", value, unit=phrase, subset=subset)]


_STAFF_NOUN = re.compile(r"officials|officers|judges|prosecutors|inspectors|investigators")


NOUN_NAMES = [
    (re.compile(r"^(?:investigations?|inquir(?:y|ies))$", re.I), "investigations"),
    (re.compile(r"^prosecutions?$", re.I), "prosecutions"),
    (re.compile(r"^convictions?$", re.I), "convictions"),
    (re.compile(r"^arrests?$", re.I), "arrests"),
    (re.compile(r"reflection", re.I), "reflection_periods"),
    (re.compile(r"permits?$", re.I), "residence_permits"),
    (re.compile(r"^shelters?$", re.I), "shelters"),
    (re.compile(r"^(?:cent(?:er|re)s?|Barnehus)$", re.I), "centers"),
    (re.compile(r"calls?$", re.I), "hotline_calls"),
    (re.compile(r"^(?:trainings?|training\s+\w+|workshops?|seminars?|courses?)$", re.I), "trainings"),
    (re.compile(r"campaigns?$", re.I), "campaigns"),
    (re.compile(r"inspections?$", re.I), "inspections"),
    (re.compile(r"^(?:raids?|operations?)$", re.I), "operations"),
]
_HOTLINE = re.compile(r"hot\s?line|help\s?line|phone\s+line|call\s+cent", re.I)


_JOINT = re.compile(r"\b(?:joint|international|cross-border|transnational|bilateral)\b", re.I)
_AGAINST_OFFICIALS = re.compile(
    r"[^,;.]{0,25}?\b(?:into|of|against|involving)\s+(?:\S+\s+){0,3}?(?:government\s+)?(?:officials?|officers?|"
    r"guards?|police(?:men|man)?|employees?|civil\s+servants?|judges?|soldiers?|diplomats?)\b"
)
_CLOSED = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:closed|shut|ceased|suspended)\b")


def counted(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count(match)
    if value is None:
        return []
    noun = " ".join(match.group("noun").split())
    if value != 1 and not noun.endswith(("s", "Barnehus")):
        return []  # "300 officers received training": a singular noun is not what is counted
    name = next((label for regex, label in NOUN_NAMES if regex.search(noun)), "other")
    if name == "hotline_calls" and not _HOTLINE.search(ctx.sentence):
        return []
    phrase = _noun_phrase(match)
    if name == "other" and value < 2:
        return []
    subset = None
    if name in OFFICIAL_NAMES:
        if _AGAINST_OFFICIALS.match(ctx.sentence, match.end(), match.end() + 120):
            name = OFFICIAL_NAMES[name]
        elif _JOINT.search(phrase):
            subset = _JOINT.search(phrase).group().lower()  # type: ignore[union-attr]
    elif name.startswith("victims"):
        subset = _subset(phrase)
    elif name in ("shelters", "centers") and _CLOSED.match(ctx.sentence, match.end(), match.end() + 40):
        subset = "closed"  # "two NGO shelters closed temporarily"
    unit = phrase if name == "other" else noun.lower()
    return [found_at(match, name, value, unit=unit, subset=subset)]


def trained(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count(match)
    if value is None:
        return []
    return [found_at(match, "officials_trained", value, unit=_noun_phrase(match))]


_COUNT_BEFORE = re.compile(r"[0-9]\s+(?:[\w-]+\s+){0,2}$")


def proceedings(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count(match)
    word = match.group("verbs")
    name = next((label for regex, label in NOUN_NAMES if regex.search(word)), None)
    if value is None or name is None:
        return []
    if _COUNT_BEFORE.search(ctx.sentence, max(0, match.start() - 40), match.start()):
        return []  # "12 investigations involving 31 suspects": the second number counts people
    if _OFFICIALS.search(match.group("noun")) and name in OFFICIAL_NAMES:
        name = OFFICIAL_NAMES[name]
    return [found_at(match, name, value, unit=match.group("noun").split()[-1].lower())]


_RESCUE = {"return": "victims_repatriated", "repatriation": "victims_repatriated",
           "reintegration": "victims_repatriated", "rescue": "victims_rescued", "removal": "victims_rescued",
           "identification": "victims_identified", "identifying": "victims_identified"}


def returned(match: re.Match[str], ctx: Context) -> list[Found]:
    value = _count(match)
    if value is None:
        return []
    phrase = _noun_phrase(match)
    name = _RESCUE[match.group("kind").lower()]
    if name == "victims_identified" and _POTENTIAL.search(phrase):
        name = "potential_victims"
    return [found_at(match, name, value, unit=phrase, subset=_subset(phrase))]


def none_stated(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "convicting none", "did not convict any officials": zero, spanning the word that says so."""
    group = "any" if match.group("any") else "value"
    words = match.groupdict().get("base") or match.group("verbs")
    verbs = [w.lower() for w in re.findall(r"[A-Za-z]+", words) if w.lower() not in ("and", "or")]
    noun = (match.groupdict().get("noun") or "").lower()
    if re.search(r"\bsuch\b", match.groupdict().get("mods") or ""):
        return []  # "did not identify any such victims" refers to a subgroup named before
    victim_noun = bool(noun) and not re.search(r"trafficker|suspect|defendant|offender|perpetrator|cases", noun)
    victim_noun = victim_noun and not _OFFICIALS.search(noun)
    found = []
    for verb in verbs:
        name = LE_VERBS.get(verb) or NONE_VERBS.get(verb)
        if name is None or name.startswith("victims") != victim_noun:
            continue
        if _OFFICIALS.search(noun) and name in OFFICIAL_NAMES:
            name = OFFICIAL_NAMES[name]
        subset = _subset(_noun_phrase(match)) if victim_noun else None
        found.append(Found(name, 0, match.start(group), match.end(group), unit=noun.split()[-1] if noun else None,
                           subset=subset))
    return found


_NOT_COUNTED = re.compile(
    r"^(?:years|months|weeks|days|hours|minutes|times|percent|cents|decades|centuries|kilometers|"
    r"kilometres|miles|meters|metres|kilograms|tons|tonnes|pages|lines|words)$",
    re.I,
)


_MONEY_CONTEXT = re.compile(r"\b(?:budget|fund|funding|spent|spend|allocat\w*|cost\w*|paid|pay|worth|fines?)\b|[$€£]", re.I)


def estimated(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "an estimated 150,000 migrant workers": a stated estimate of a population, as `other`."""
    value = _count(match)
    if value is None or value < 20 or _NOT_COUNTED.match(match.group("noun")):
        return []
    clause = re.split(r"[;:,]", ctx.sentence[max(0, match.start() - 200) : match.start()])[-1]
    if _MONEY_CONTEXT.search(clause):
        return []  # "a budget of about 1.1 billion ducats": money in a currency not known as one
    return [found_at(match, "other", value, unit=_noun_phrase(match))]

