"""The table of named figure patterns: regexes with named groups, each with its converter."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipbrowser import metric_converters as convert
from tipbrowser.metric_converters import (
    CASE_VERBS,
    LE_VERBS,
    NONE_VERBS,
    VICTIM_VERBS,
    Converter,
    Found,
)
from tipbrowser.metric_money import CURRENCY_NOUNS, money
from tipbrowser.metric_terms import term_range, term_single
from tipbrowser.numbers import NUMBER, YEAR

__all__ = ["MetricPattern", "PATTERNS", "IGNORED", "LEAD", "LEAD_LAST_WORDS", "ONE_WORDS", "build"]


@dataclass(frozen=True, slots=True)
class MetricPattern:
    """A named pattern: a compiled regex with named groups and the converter that reads it."""

    name: str
    regex: re.Pattern[str]
    convert: Converter
    anchored: bool = False
    """Whether the regex starts at a number, so it is tried only where numbers are."""
    words: frozenset[str] = frozenset()
    """Lower-case words of which the sentence must hold one, or empty for no such test."""
    chars: str = ""
    """Characters of which the sentence must hold one, or empty for no such test."""
    first: re.Pattern[str] | None = None
    """Where a match of an unanchored regex can start (its first words), to avoid a full search."""

    def may_match(self, text: str, words: frozenset[str] | set[str]) -> bool:
        """A cheap test that rules out sentences the regex cannot match."""
        if self.words and self.words.isdisjoint(words):
            return False
        return not self.chars or any(char in text for char in self.chars)


# ---------------------------------------------------------------------------------------
# Fragments. Templates name them as <<N>>; `build` substitutes and compiles.

_QUALIFIERS = (
    r"up\s+to|more\s+than|over|approximately|about|around|at\s+least|nearly|almost|"
    r"an\s+estimated|estimated|roughly|fewer\s+than|less\s+than|at\s+most|some"
)
_STOP = (
    r"and|or|in|from|to|with|of|for|by|the|a|an|than|were|was|who|which|that|whom|had|have|has|during|"
    r"including|while|but|at|on|as|received|receive|receives|obtained|got|are|is|been"
)
_LE_NOUNS = (
    r"(?:alleged\s+|suspected\s+)?traffickers?|suspects?|defendants?|individuals|people|persons|"
    r"perpetrators?|offenders?|cases|officials?|officers?|employees?|soldiers?|guards?|policem[ae]n|"
    r"civil\s+servants?|judges?|diplomats?"
)
_VICTIM_NOUNS = (
    r"victims?|survivors?|children|minors|girls|boys|women|men|adults|persons|people|individuals|"
    r"foreign\s+nationals|nationals|workers|migrants"
)
_FRAGMENTS = {
    "N": NUMBER,
    "Y": YEAR,
    "Q": rf"(?:(?P<qualifier>(?i:{_QUALIFIERS}))\s+)?",
    "TOTAL": r"(?:(?:a\s+total\s+of|only|just|another|an\s+additional|all)\s+)?",
    "MODS": rf"(?P<mods>(?:(?!(?:{_STOP})\b)[A-Za-z][\w’'\-]*\s+){{0,4}}?)",
    "LE": rf"(?P<noun>{_LE_NOUNS})",
    "VICTIM": rf"(?P<noun>{_VICTIM_NOUNS})",
    "STAFF": r"(?P<noun>officials|(?:police\s+)?officers|police|judges|prosecutors|investigators|inspectors|"
    r"(?:social\s+|labor\s+|health\s+|consular\s+)?workers|staff|personnel|professionals|"
    r"(?:border\s+)?guards|diplomats|employees|members|stakeholders|participants|teachers|students|cadets|"
    r"recruits|trainees|magistrates|lawyers)",
}

_LE_VERB_RE = "|".join(sorted({*LE_VERBS, *CASE_VERBS}, key=len, reverse=True))
_VICTIM_VERB_RE = "|".join(sorted(VICTIM_VERBS, key=len, reverse=True))


def _verb_list(verbs: str) -> str:
    one = rf"(?:{verbs})"
    return rf"(?P<verbs>{one}(?:(?:\s*,\s*|\s+)(?:and\s+|or\s+)?{one})*)"


_NONE_VERB_LIST = _verb_list("|".join(NONE_VERBS)).replace("?P<verbs>", "?:")
_FRAGMENTS["LEVERBS"] = _verb_list(_LE_VERB_RE)
_FRAGMENTS["VVERBS"] = _verb_list(_VICTIM_VERB_RE)
_FRAGMENTS["BE"] = r"(?:(?:were|was|had\s+been|have\s+been|been)\s+)?(?:\w+ly\s+)?"

_FRAGMENTS["CUR"] = (
    rf"(?P<cur>(?:[A-Z][a-z]+\s+){{0,3}}(?:\([A-Z]{{2,4}}\)\s+)?(?i:{CURRENCY_NOUNS})\b"
    # an unlisted currency is accepted when its code and a dollar amount follow it
    r"|(?:[A-Z][a-z]+\s+){0,3}(?!(?:million|billion|thousand)\b)[a-z]+"
    r"(?=\s*(?:\([A-Z]{2,4}\)\s*)?\(\s*(?:approximately\s+|about\s+)?(?:US)?\$)"
    r"|(?P<bare>[A-Z]{3,4})\b)"
    r"(?:\s*\((?P<code>[A-Z]{2,4})\))?"
)
_FRAGMENTS["USD"] = (
    r"(?:\s*\(\s*(?:approximately\s+|about\s+|roughly\s+)?(?:US)?\$\s?(?P<usd><<N>>)"
    r"(?:\s*(?:-|–|to)\s*(?:US)?\$?\s?(?P<usdhigh><<N>>))?\s*\))?"
)

_YEAR_AFTER = r"(?:\s+in\s+(?P<year><<Y>>))?"


def build(template: str) -> re.Pattern[str]:
    """Compile `template`, replacing each <<NAME>> with its fragment."""
    text = template
    for _ in range(3):
        for name, fragment in _FRAGMENTS.items():
            text = text.replace(f"<<{name}>>", fragment)
    text = text.replace("<<N>>", NUMBER).replace("<<Y>>", YEAR)
    return re.compile(text)


_IMPRISONMENT = r"(?:\s+(?:of\s+)?(?:imprisonment|in\s+prison|incarceration|jail|prison))"
_APPLIES = (
    r"(?:\s+(?:for|in\s+cases\s+(?:of|involving)|if|when)\s+(?P<applies>[^,;.]+?)"
    r"(?=\s*[,;.]|\s+and\s+(?:up\s+to|a\s+maximum|of\s+up|<<N>>)|\s+or\s+|\s*$))?"
)
_COUNTED = (
    r"investigations?|prosecutions?|convictions?|arrests?|reflection\s+periods?|"
    r"(?:temporary\s+)?(?:residence|residency|work)\s+permits?|permits|shelters?|cent(?:er|re)s?|"
    r"(?:hotline\s+)?calls|training\s+(?:sessions|courses|events|programs)|trainings?|workshops?|"
    r"seminars|(?:awareness\s+)?campaigns?|inspections?|raids|operations|"
    r"refugees|asylum[-\s]seekers|(?:police\s+)?districts|ministries|(?:government\s+)?agencies|"
    r"municipalities|(?:research\s+)?projects|(?:anti-trafficking\s+)?units|task\s+forces|"
    r"working\s+groups|memoranda\s+of\s+understanding|MOUs|agreements|brochures|"
    r"public\s+service\s+announcements|(?:labor\s+)?inspectors|liaison\s+officers|hotlines|leaflets|flyers|"
    r"posters|pamphlets|booklets|NGOs|(?:civil\s+society\s+|non-governmental\s+)?organizations"
)
_TERM = r"(?P<unit>years?|months?)\b(?:[’']s?)?"


def _pattern(name: str, template: str, converter: Converter, *, anchored: bool = False, words: str = "",
             chars: str = "", first: str = "") -> MetricPattern:
    starts = re.compile(first) if first else None
    return MetricPattern(name, build(template), converter, anchored, frozenset(words.split()), chars, starts)


_LEAD = r"<<TOTAL>><<Q>>(?P<value><<N>>)"
_GRANTED_KINDS = (
    r"reflection(?:\s+and\s+recovery)?\s+periods?|recovery\s+periods?|"
    r"(?:temporary\s+|permanent\s+)?(?:residence|residency|work)\s+permits?|visas"
)
ONE_WORDS = frozenset({"official", "officer", "policeman", "judge", "prosecutor", "employee", "soldier", "guard",
                       "servant", "diplomat"})
"""Nouns after which "a" counts one ("convicted a police officer"): a sentence holding one is read."""
_ONE_OFFICIAL = (
    r"official|(?:police\s+)?officer|policeman|judge|prosecutor|employee|soldier|guard|civil\s+servant|diplomat"
)
_OF_THE = r"(?:\s+of\s+(?:the|these|those))?"
_LE_WORDS = " ".join([*LE_VERBS, *CASE_VERBS])
_LE_FIRST = rf"\b(?:{_LE_VERB_RE})\b"
_VICTIM_WORDS = " ".join(VICTIM_VERBS)

PATTERNS: tuple[MetricPattern, ...] = (
    _pattern(
        "term_range",
        r"(?P<low><<N>>)(?:\s+(?P<lowunit>years?|months?)(?:\s+and\s+(?P<lowextra><<N>>)\s+months?)?(?:[’']s?)?"
        + _IMPRISONMENT + r"?)?\s*(?:to|and|-|–)\s*"
        r"(?P<high><<N>>)\s+" + _TERM + r"(?:\s+and\s+(?P<highextra><<N>>)\s+months?\b)?" + _IMPRISONMENT + "?"
        + _APPLIES,
        term_range, anchored=True, words="year years month months",
    ),
    _pattern(
        "term_maximum",
        r"(?P<qualifier>up\s+to|a\s+maximum\s+of|maximum\s+of|not\s+more\s+than|no\s+more\s+than|"
        r"not\s+exceeding)\s+(?P<value><<N>>)\s+" + _TERM + _IMPRISONMENT + _APPLIES,
        term_single, words="up maximum more exceeding",
        first=r"\b(?:up\s+to|a\s+maximum|maximum|not\s+more|no\s+more|not\s+exceeding)\b",
    ),
    _pattern(
        "term_raised",  # "increased to a maximum of 15 years if the victim is a child"
        r"\b(?:increased|raised|rises|rose|extended|increases)\s+to\s+(?P<qualifier>up\s+to|a\s+maximum\s+of)?\s*"
        r"(?P<value><<N>>)\s+" + _TERM + _IMPRISONMENT + "?" + _APPLIES,
        term_single, words="increased raised rises rose extended increases",
        first=r"\b(?:increased|raised|rises|rose|extended|increases)\s+to\b",
    ),
    _pattern(
        "imprisonment_of",
        r"\b(?:imprisonment|incarceration|prison\s+(?:terms?|sentences?)|deprivation\s+of\s+liberty)\s+(?:of|for)\s+"
        r"(?P<qualifier>up\s+to|a\s+maximum\s+of|not\s+more\s+than|no\s+more\s+than)\s+(?P<value><<N>>)\s+" + _TERM
        + _APPLIES,
        term_single, words="imprisonment incarceration prison deprivation",
        first=r"\b(?:imprisonment|incarceration|prison|deprivation)\b",
    ),
    _pattern(
        "term_single",
        r"(?:sentenced\s+(?:[\w’'-]+\s+){0,5}?to|sentences?\s+of|(?:prison\s+)?terms?\s+of|averag(?:ed|ing)|"
        r"penalt(?:y|ies)\s+of|punishable\s+by)\s+<<Q>>(?P<value><<N>>)\s+" + _TERM + _APPLIES,
        term_single, words="sentenced sentence sentences term terms penalty penalties punishable averaged averaging",
        first=r"\b(?:sentenced|sentences?|prison|terms?|penalt(?:y|ies)|punishable|averag(?:ed|ing))\b",
    ),
    _pattern("money_local", r"<<Q>>(?P<value><<N>>)\s+<<CUR>><<USD>>", money, anchored=True),
    _pattern("money_symbol", r"<<Q>>(?P<dollar>(?:US)?\$|€|£)\s?(?P<value><<N>>)", money, chars="$€£",
             first=r"(?:US)?[$€£]"),
    _pattern("money_code_first", r"<<Q>>(?P<bare>[A-Z]{3})\s?(?P<value><<N>>)<<USD>>", money,
             first=r"\b[A-Z]{3}\s?[0-9]"),
    _pattern(
        "granted_to",
        r"(?P<kind>reflection\s+(?:and\s+recovery\s+)?periods?|recovery\s+periods?|"
        r"(?:temporary\s+)?(?:residence|residency|work)\s+permits?|permits|visas|(?:legal\s+)?status|"
        r"assistance|services|shelter|compensation|restitution)(?:\s+(?:of|for|lasting)\s+[^,;()]{0,40}?"
        r"|\s+(?:totaling|totalling|amounting\s+to|worth)\s+[^;()]{1,40}?(?:\s*\([^()]{1,30}\))?)?"
        r"\s+to\s+" + _LEAD + r"\s+<<MODS>><<VICTIM>>\b" + _YEAR_AFTER,
        convert.granted,
        words="reflection recovery permit permits visas status assistance services shelter compensation restitution",
        first=r"\b(?:reflection|recovery|temporary|residence|residency|work|permits|visas|legal|status|assistance|"
        r"services|shelter|compensation|restitution)\b",
    ),
    _pattern("enforcement", r"\b<<LEVERBS>>\s+" + _LEAD + r"\s+<<MODS>><<LE>>\b" + _YEAR_AFTER,
             convert.law_enforcement, words=_LE_WORDS, first=_LE_FIRST),
    _pattern(
        "enforcement_bare",
        r"\b<<LEVERBS>>\s+" + _LEAD + r"(?=\s*[,;.)]|\s+(?:and|but|while|in|during|of\s+them)\b)",
        convert.law_enforcement, words=_LE_WORDS, first=_LE_FIRST,
    ),
    _pattern(
        "enforcement_none",
        r"\b<<LEVERBS>>\s+(?P<value>none|no\s+one|nobody)\b(?P<any>)",
        convert.none_stated, words="none nobody one", first=_LE_FIRST,
    ),
    _pattern(
        "enforcement_one_official",  # "convicted a former police officer": one, though no number is written
        r"\b<<LEVERBS>>\s+(?P<value>an?)\s+<<MODS>>(?P<noun>" + _ONE_OFFICIAL + r")\b",
        convert.one_official, words=" ".join(ONE_WORDS), first=_LE_FIRST,
    ),
    _pattern(
        "did_not_any",
        r"\bdid\s+not\s+(?P<base>" + _NONE_VERB_LIST + r")\s+(?P<any>any)\s+<<MODS>>(?P<noun>" + _LE_NOUNS + "|"
        + _VICTIM_NOUNS + r")\b",
        convert.none_stated, words="any", first=r"\bdid\s+not\b",
    ),
    _pattern("enforcement_passive", _LEAD + r"\s+<<MODS>><<LE>>\s+<<BE>><<LEVERBS>>\b",
             convert.law_enforcement, anchored=True, words=_LE_WORDS),
    _pattern(
        "proceedings_against",
        r"\b(?P<verbs>investigations?|inquir(?:y|ies)|prosecutions?|convictions?|arrests?)\s+(?:of|into|against|involving)\s+"
        + _LEAD + r"\s+<<MODS>><<LE>>\b",
        convert.proceedings,
        words="investigation investigations inquiry inquiries prosecution prosecutions conviction convictions arrest "
        "arrests",
        first=r"\b(?:investigations?|inquir(?:y|ies)|prosecutions?|convictions?|arrests?)\b",
    ),
    _pattern("victims", r"\b<<VVERBS>>\s+" + _LEAD + _OF_THE + r"\s+<<MODS>><<VICTIM>>\b" + _YEAR_AFTER,
             convert.victims, words=_VICTIM_WORDS, first=rf"\b(?:{_VICTIM_VERB_RE})\b"),
    _pattern(
        "victims_of_them",  # "confirmed 211 of them as trafficking victims"
        r"\b<<VVERBS>>\s+" + _LEAD + r"\s+of\s+(?:them|these|those)\s+as\s+<<MODS>><<VICTIM>>\b",
        convert.victims, words="them these those", first=rf"\b(?:{_VICTIM_VERB_RE})\b",
    ),
    _pattern(
        "confirmed_of_whom",  # "145 potential victims, of whom 61 were later confirmed"
        r"\b(?i:of)\s+(?:whom|them|these|those)\s*,?\s+" + _LEAD + r"\s+(?:were|was)\s+(?:(?:later|subsequently|"
        r"officially|formally)\s+)?(?P<verbs>confirmed|identified|certified|recognized)\b(?!\s+(?:in|at|by)\b)",
        convert.confirmed, words="whom them these those", first=r"\b(?i:of)\s+(?:whom|them|these|those)\b",
    ),
    _pattern(
        "noun_changed",  # "Convictions increased to 31 in 2023"
        r"\b(?P<noun>(?i:investigations|prosecutions|convictions|arrests))\s+(?:increased|decreased|rose|fell|declined|"
        r"dropped|grew)\s+(?:(?:slightly|significantly|sharply|markedly)\s+)?to\s+" + _LEAD + r"\b" + _YEAR_AFTER,
        convert.counted, words="increased decreased rose fell declined dropped grew",
        first=r"\b(?i:investigations|prosecutions|convictions|arrests)\b",
    ),
    _pattern(
        "victims_passive",
        _LEAD + r"\s+<<MODS>><<VICTIM>>\s+<<BE>><<VVERBS>>\b"
        # "Nineteen victims assisted law enforcement": the victims did the assisting
        r"(?!\s+(?:law\s+enforcement|police|authorities|prosecutors|investigators|officials|courts|(?:the\s+)?"
        r"(?:police|authorities|government|prosecution)\b|(?:in|with)\s+(?:the\s+)?(?:investigations?|"
        r"prosecutions?|cases?|trials?|proceedings)))",
        convert.victims, anchored=True, words=_VICTIM_WORDS,
    ),
    _pattern(
        "received_grant",  # "three victims received reflection periods and two received residence permits"
        _LEAD + r"(?:\s+<<MODS>><<VICTIM>>)?\s+(?:\w+ly\s+)?(?:received|obtained|were\s+granted|were\s+issued)\s+"
        r"(?:[\w-]+\s+){0,2}?(?P<kind>" + _GRANTED_KINDS + r")\b",
        convert.granted, anchored=True, words="received obtained granted issued",
    ),
    _pattern(
        "granted_to_none",  # "did not provide compensation to any victims"
        r"\bdid\s+not\s+(?:provide|grant|award|issue|offer|give)\s+(?P<kind>compensation|restitution|shelter|assistance|"
        r"services|" + _GRANTED_KINDS + r")\s+to\s+(?P<value>any)\s+<<MODS>><<VICTIM>>\b",
        convert.granted_none, words="any", first=r"\bdid\s+not\b",
    ),
    _pattern(
        "victims_received",
        _LEAD + r"\s+<<MODS>><<VICTIM>>\s+(?:\w+ly\s+)?(?:received|obtained|accessed|benefited\s+from|"
        r"were\s+provided\s+with|were\s+given)\s+(?:[\w-]+\s+){0,2}?(?P<kind>assistance|services|support|"
        r"shelter|care|aid|accommodation|compensation|restitution|damages)",
        convert.victims_received, anchored=True, words="received obtained accessed benefited provided given",
    ),
    _pattern(
        "returned",
        r"\b(?P<kind>(?i:return|repatriation|reintegration|rescue|removal|identification|identifying))\s+of\s+" + _LEAD
        + r"\s+<<MODS>><<VICTIM>>\b",
        convert.returned, words="return repatriation reintegration rescue removal identification identifying",
        first=r"\b(?i:return|repatriation|reintegration|rescue|removal|identification|identifying)\b",
    ),
    _pattern(
        "including",
        r"\b(?:including|among\s+them|of\s+whom|of\s+these|of\s+which)\s*,?\s+<<Q>>(?P<value><<N>>)\s+"
        r"(?:were\s+)?<<MODS>>(?P<noun>children|minors|girls|boys|women|men|adults|foreign\s+nationals|"
        r"foreigners|citizens|nationals|victims|officials|officers|judges|prosecutors|inspectors|investigators)\b",
        convert.including, words="including among whom these which", first=r"\b(?:including|among|of)\b",
    ),
    _pattern(
        "were_subset",
        _LEAD + r"\s+(?:(?:of\s+(?:them|these|those|whom|the\s+(?:[\w-]+\s+){0,2}?(?:victims|survivors))|victims)\s+)?were\s+<<MODS>>(?P<noun>children|minors|girls|boys|"
        r"women|men|adults|foreign\s+nationals|foreigners|citizens|nationals)\b",
        convert.including, anchored=True, words="were",
    ),
    _pattern("trained", r"\btrained\s+" + _LEAD + r"\s+<<MODS>><<STAFF>>\b", convert.trained, words="trained",
             first=r"\btrained\b"),
    _pattern(
        "trained_passive",
        _LEAD + r"\s+<<MODS>><<STAFF>>\s+(?:[\w-]+\s+){0,3}?(?:were\s+trained|received\s+"
        r"(?:[\w-]+\s+){0,2}?training|(?:participated|took\s+part)\s+in\s+(?:[\w-]+\s+){0,3}?trainings?|"
        r"attended\s+(?:[\w-]+\s+){0,3}?trainings?)",
        convert.trained, anchored=True, words="trained training trainings",
    ),
    _pattern("training_for", r"\btraining\s+(?:to|for)\s+" + _LEAD + r"\s+<<MODS>><<STAFF>>\b",
             convert.trained, words="training", first=r"\btraining\b"),
    _pattern(
        "trained_more",  # "trained 1,150 officers and 85 prosecutors": the count after the first
        r"\b(?:trained|training\s+(?:to|for))\s+<<N>>(?:\s+[A-Za-z][\w’'-]*){1,4}?"
        r"(?:\s*,\s*<<N>>(?:\s+[A-Za-z][\w’'-]*){1,4}?)*\s*,?\s+and\s+" + _LEAD + r"\s+<<MODS>><<STAFF>>\b",
        convert.trained, words="trained training", first=r"\b(?:trained|training)\b",
    ),
    _pattern(
        "counted_none",  # "granted no reflection periods in 2008": a stated zero
        r"\b(?:granted|issued|reported|conducted|initiated|opened|received|recorded|provided|operated|had)\s+"
        r"(?P<value>no)\s+<<MODS>>(?P<noun>" + _COUNTED + r")\b" + _YEAR_AFTER,
        convert.counted, words="no",
        first=r"\b(?:granted|issued|reported|conducted|initiated|opened|received|recorded|provided|operated|had)\s+no\b",
    ),
    _pattern("counted", _LEAD + r"\s+<<MODS>>(?P<noun>" + _COUNTED + r")\b" + _YEAR_AFTER, convert.counted,
             anchored=True),
    _pattern(
        "estimated_count",
        r"(?P<qualifier>(?i:an\s+estimated|estimated|approximately|more\s+than|over|nearly|almost|about|around|"
        r"some|at\s+least))\s+(?P<value><<N>>)\s+<<MODS>>(?!(?i:" + CURRENCY_NOUNS + r")\b)"
        r"(?P<noun>[A-Za-z][\w-]*(?:s|men)|children|people|personnel)\b",
        convert.estimated, anchored=True,
    ),
    _pattern(
        "counted_after",
        r"\b(?P<noun>cent(?:er|re)s|shelters|units|offices|courts)\s*\(\s*(?P<value><<N>>)"
        r"(?:\s+(?!(?:in|during)\s+(?:19|20))[^()0-9]{1,40})?\)",
        convert.counted, words="centers centres shelters units offices courts", chars="(",
        first=r"\b(?:cent(?:er|re)s|shelters|units|offices|courts)\b",
    ),
)
"""The table, in priority order: where two patterns claim one number, the earlier wins."""

LEAD = build(r"(?:(?:a\s+total\s+of|only|just|another|an\s+additional|all)\s+)?(?:(?i:" + _QUALIFIERS + r")\s+)?$")
"""What may stand before a number in an anchored pattern ("more than", "a total of")."""

LEAD_LAST_WORDS = frozenset(
    "to than over approximately about around least nearly almost estimated roughly most some of only just "
    "another additional all".split()
)
"""The words a `LEAD` can end with: a cheap test before the regex."""

def _nothing(match: re.Match[str], ctx: object) -> list[Found]:
    return []


def _ignored(name: str, template: str, *, anchored: bool = False, words: str = "", first: str = "") -> MetricPattern:
    return _pattern(name, template, _nothing, anchored=anchored, words=words, first=first)


IGNORED: tuple[MetricPattern, ...] = (
    _ignored(
        "statute",  # "Sections 257 and 258", "Article 302", "Section 62a", "Law No. 45"
        r"(?:\b(?i:sections?|articles?|arts?\.|chapters?|paragraphs?|paras?\.|clauses?|decrees?|"
        r"resolutions?|nos?\.|numbers?)|\b(?:Act|Law|Code|Decree|Ordinance|Regulation)|§+)\s*"
        r"[0-9][\w.()/-]*(?:\s*(?:,|and|or|to|through|-|–)\s*(?:[0-9][\w.()/-]*))*",
        words="section sections article articles art arts chapter chapters paragraph paragraphs para paras "
        "clause clauses decree decrees resolution resolutions no nos number numbers act law code "
        "ordinance regulation",
        first=r"\b(?i:sections?|articles?|arts?\.|chapters?|paragraphs?|paras?\.|clauses?|decrees?|resolutions?|"
        r"nos?\.|numbers?|act|law|code|ordinance|regulation)|§",
    ),
    _ignored(
        "age",  # "as young as 12", "aged 14 to 17", "between the ages of 12 and 17"
        r"(?i:as\s+young\s+as|aged?|ages\s+(?:of\s+)?|age\s+of|younger\s+than|older\s+than|"
        r"under\s+(?:the\s+)?age\s+of|between\s+the\s+ages\s+of)\s+<<N>>(?:\s*(?:and|to|-|–)\s*<<N>>)?",
        words="young age aged ages younger older",
        first=r"\b(?i:as\s+young|aged?|ages|younger|older|under|between)\b",
    ),
    _ignored("years_old", r"<<N>>(?:\s*(?:-|–|to)\s*<<N>>)?[\s-]+years?[\s-]+old", anchored=True, words="old"),
    _ignored(
        "elapsed",  # "for the past eight years", "in the last two years"
        r"(?i:for|over|in|during|within)\s+the\s+(?i:past|last|previous|next|first|coming)\s+<<N>>\s+"
        r"(?:years?|months?|weeks?|days?|decades?)",
        words="past last previous next first coming",
        first=r"\b(?i:for|over|in|during|within)\s+the\b",
    ),
    _ignored(
        "duration",  # hours of aid, weeks of stay: durations are never counts
        r"<<N>>\s+(?:consecutive\s+|straight\s+)?(?:hours?|days?|weeks?|decades?)\b",
        anchored=True, words="hour hours day days week weeks decade decades",
    ),
)
"""Regions whose numbers are never figures, found before any pattern runs."""
