"""The TIP domain vocabulary: concept groups that join what narratives say in different words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = [
    "Concept",
    "ConceptHit",
    "CONCEPTS",
    "PROSECUTION",
    "PROTECTION",
    "PREVENTION",
    "find_concepts",
    "find_cues",
    "NEGATIVE_CUES",
    "DECLINE_CUES",
    "REQUEST_FILLERS",
    "phrase_pattern",
]

PROSECUTION = "prosecution"
PROTECTION = "protection"
PREVENTION = "prevention"


@dataclass(frozen=True, slots=True)
class Concept:
    """A group of words and phrases that TIP writers use for one idea.

    `pillar` is the part of the narrative (prosecution, protection, prevention) the idea
    belongs to, if any; `specific` marks concepts precise enough that sharing one says
    more than sharing a common word.
    """

    key: str
    label: str
    pillar: str | None
    phrases: tuple[str, ...]
    specific: bool = False


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """One place a concept's phrase occurs in a text."""

    concept: Concept
    start: int
    end: int
    text: str
    strength: float = 1.0


def _c(key: str, label: str, pillar: str | None, *phrases: str, specific: bool = False) -> Concept:
    return Concept(key, label, pillar, phrases, specific)


# Phrase syntax: words are matched whole and case-insensitively; a space matches any run of
# spaces or hyphens, "-" an optional hyphen or space, "*" the rest of a word, and the
# parenthesised or bracketed parts are regular expressions. A leading "~" marks a generic
# phrase ("strategy" for a national action plan) that counts for half.
CONCEPTS: tuple[Concept, ...] = (
    # ── prosecution ──────────────────────────────────────────────────────────────────
    _c("statute", "statute = trafficking law = penal code", PROSECUTION,
       "statute*", "anti-trafficking law*", "trafficking law*", "penal code", "criminal code",
       "(articles?|sections?) \\d+\\w*", "non-trafficking (statutes?|crimes?|offen[cs]es?|charges?)",
       "lesser charges?", "apply* (the )?(trafficking )?law*", "legal framework", specific=True),
    _c("charging", "charge = burden of proof = lesser offences", PROSECUTION,
       "charg(e|es|ed|ing)", "burden of proof", "lesser charges?", "reclassif*", "pimping",
       "social dumping", "non-trafficking (statutes?|crimes?|offen[cs]es?)", specific=True),
    _c("penalties", "penalties = sentences = prison terms", PROSECUTION,
       "penalt(y|ies)", "sentenc*", "prison terms?", "imprisonment", "lenient*", "suspended",
       "fines? alone", "deter*", "significant prison", specific=True),
    _c("law_reform", "amend = criminalize = definition", PROSECUTION,
       "amend*", "draft (law|bill|legislation|amendment)", "criminali[sz]*", "legislat*",
       "definition of trafficking", "force,? fraud,? (or|and) coercion", specific=True),
    _c("enforcement", "investigate = prosecute = convict", PROSECUTION,
       "investigat*", "prosecut*", "convict*", "law enforcement"),
    _c("evidence", "evidence collection = case building", PROSECUTION,
       "evidence", "evidence collection", "case building", "forensic*", "financial investigations?",
       specific=True),
    _c("complicity", "complicity = corruption = officials involved", PROSECUTION,
       "complicit*", "complicity", "corrupt*", "brib*", "government (employees|officials) (allegedly )?involved",
       "official (involvement|complicity)", "(accept|accepting|accepted|solicit*) (bribes|payments)",
       "misconduct", "colluded", "collusion", specific=True),
    _c("judiciary", "judges = courts = judiciary", PROSECUTION,
       "judges?", "judicia*", "courts?", "magistrates?"),
    _c("police", "police = law enforcement officers = investigators", PROSECUTION,
       "police", "policing", "law enforcement officers?", "investigators?", "border guards?",
       "border police", "officers?"),
    _c("online", "online = internet = technology", None,
       "online", "internet", "cyber*", "technolog*", "social media", "digital"),
    # ── protection ───────────────────────────────────────────────────────────────────
    _c("nrm", "NRM = national referral mechanism", PROTECTION,
       "NRMs?", "national referral mechanisms?", "referral mechanisms?", "referral (system|procedures?)",
       "refer* (them|victims) to", specific=True),
    _c("identification", "identification = screening = indicators", PROTECTION,
       "identif(y|ies|ied|ying|ication)", "screen(s|ed|ing)?", "(trafficking )?indicators?",
       "~proactive*", "~detect*", "unidentified"),
    _c("screening", "screening = indicators among vulnerable groups", PROTECTION,
       "screen(s|ed|ing)?", "indicators?", "vulnerable (populations?|groups?)", "proactive(ly)? identif*",
       specific=True),
    _c("procedures", "procedures = guidelines = SOPs", PROTECTION,
       "procedures?", "guidelines?", "SOPs?", "standard operating", "protocols?", "standardi[sz]*",
       specific=True),
    _c("non_punishment", "non-punishment = penalized for unlawful acts", PROTECTION,
       "non-punishment", "non-penali[sz]ation", "penali[sz](e|ed|es|ing|ation)", "inappropriate(ly)? (penali[sz]*|punish*|arrest*|detain*|deport*)",
       "unlawful acts", "(as a )?direct result of being trafficked", "compelled to commit", "punish*",
       specific=True),
    _c("shelter", "shelter = assistance = services = care", PROTECTION,
       "shelters?", "assistance", "services", "accommodations?", "housing", "psychological",
       "medical", "care", "legal aid", "reintegration", "crisis centers?", "support"),
    _c("compensation", "restitution = compensation = damages", PROTECTION,
       "restitution", "compensat*", "damages", "civil (suits?|claims?)", "reparations?", specific=True),
    _c("testimony", "testify = witness = court proceedings", PROTECTION,
       "testif(y|ied|ies|ying)", "testimony", "witness*", "retaliation", "victim-centered",
       "trauma-informed", "re-traumati[sz]ation", "criminal proceedings", "confront*",
       "presence of (their )?(alleged )?traffickers", specific=True),
    _c("immigration", "deportation = immigration status = residence permits", PROTECTION,
       "deport*", "immigration", "residence permits?", "residency", "reflection period",
       "removal", "detention", "asylum", specific=True),
    # ── prevention ───────────────────────────────────────────────────────────────────
    _c("nap", "NAP = national action plan = national strategy", PREVENTION,
       "NAPs?", "national action plans?", "national (anti-trafficking )?strateg(y|ies)", "national plans?",
       "anti-trafficking (action )?plans?", "anti-trafficking strateg(y|ies)", "~action plans?", "~strateg(y|ies)",
       specific=True),
    _c("coordination", "coordination = roles and responsibilities = stakeholders", None,
       "coordinat*", "roles? and responsibilities", "stakeholders?", "inter-ministerial", "interagency",
       "working groups?", "committees?", "task force"),
    _c("recruitment", "recruitment fees = labor recruiters = brokers", PREVENTION,
       "recruit*", "(recruitment |placement )?fees", "brokers?", "job offers?", "debt bondage",
       specific=True),
    _c("labor_inspection", "labor inspectors = inspections = workplaces", PREVENTION,
       "inspect*", "inspectorate", "labor inspection*", "workplace*", specific=True),
    _c("supply_chains", "supply chains = due diligence = procurement", PREVENTION,
       "supply chains?", "due diligence", "procurement", "transparency act", "corporate",
       "government-awarded contracts", specific=True),
    _c("awareness", "awareness = campaigns = hotline", PREVENTION,
       "awareness", "campaigns?", "outreach", "hotlines?", "brochures?", "information campaign*"),
    _c("demand", "demand reduction = purchasing commercial sex", PREVENTION,
       "demand", "purchas* (of )?(commercial )?sex*", "sex tourism", specific=True),
    # ── across the pillars ───────────────────────────────────────────────────────────
    _c("capacity", "staff = capacity = resources = transfers", None,
       "staff*", "capacity", "resources", "personnel", "transfers?", "turnover", "understaff*",
       "dedicated (units?|officers?|prosecutors?)", "units?", "specialized units?", "retain*",
       specific=True),
    _c("funding", "funding = budget = allocation", None,
       "fund*", "underfunded", "budget*", "allocat*", "resource[sd]?", "donors?", "financ*",
       specific=True),
    _c("data", "data = statistics = disaggregated", None,
       "data", "statistic*", "disaggregat*", "database*", "repository", "records?",
       "(annual |public )?report(ed|ing|s)? (publicly|on)", "publicly available", specific=True),
    _c("training", "training = expertise = knowledge", None,
       "train*", "expertise", "knowledge", "understanding", "capacity-building", "seminars?",
       "curricul*", "workshops?", "sensiti[sz]*", specific=True),
    _c("children", "children = minors = child victims", None,
       "child*", "minors?", "girls?", "boys?", "unaccompanied", "juveniles?"),
    _c("migrants", "migrants = foreign workers = third-country nationals", None,
       "migrant*", "foreign (workers|nationals?|victims|women|men)", "third-country nationals?",
       "refugees?", "asylum-seekers?", "stateless"),
    _c("forced_labor", "forced labor = labor trafficking", None,
       "forced labou?r", "labou?r trafficking", "labou?r exploitation"),
    _c("fishing", "fishing vessels = fisheries = at sea", None,
       "fish*", "vessels?", "at sea", "maritime", specific=True),
    _c("commercial_sex", "commercial sex = sex trafficking", None,
       "commercial sex", "sex trafficking", "prostitution", "massage parlou?rs?"),
)

# Words that read as deficits: what a recommendation sets out to fix.
NEGATIVE_CUES: tuple[str, ...] = (
    "did not", "does not", "do not", "not (sufficiently|adequately|consistently|effectively|always|yet)",
    "no (victims?|shelters?|specialized|dedicated|data|investigations?|prosecutions?|convictions?)",
    "none", "never", "lack*", "absence", "absent", "delay*", "insufficient*", "inadequate*",
    "limited", "concern*", "critici[sz]*", "struggl*", "fail*", "fewer", "fewest", "decreas*",
    "declin*", "weak*", "lenient*", "unwilling*", "unable", "unclear", "fragmented", "dearth",
    "gaps?", "impeded?", "impeding", "hinder*", "pending", "expired", "outdated", "rarely", "seldom",
    "underfunded", "challeng*", "difficult*", "barr(ed|ing)",
    "persist*", "obstacles?", "shortage*", "reduced", "closed", "need(ed|s)? (for|to)",
    "called for", "urged",
)

# Words that report a fall in what a recommendation asks to increase.
DECLINE_CUES: tuple[str, ...] = (
    "fewer", "fewest", "decreas*", "declin*", "drop*", "lowest", "reduc(ed|tion)", "fell",
)

# Request words that say how strongly to act, not what to act on.
REQUEST_FILLERS: frozenset[str] = frozenset(
    """
    ensure increase vigorously proactively effectively continue including include such all
    overall various significant adequate adequately sufficient sufficiently appropriate
    appropriately consistently existing further greater more especially particularly
    strengthen improve expand enhance take steps efforts measures those found responsible
    which should involve being through across among within other relevant
    """.split()
)


def phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase of the table (see the syntax note above)."""
    out: list[str] = []
    i = 0
    while i < len(phrase):
        char = phrase[i]
        if char in "([":
            depth, j = 0, i
            while j < len(phrase):
                depth += phrase[j] in "(["
                depth -= phrase[j] in ")]"
                j += 1
                if depth == 0:
                    break
            while j < len(phrase) and phrase[j] in "?+":
                j += 1
            out.append(phrase[i:j].replace(" ", r"[\s\-]+"))
            i = j
            continue
        if char == "*":
            out.append(r"[\w\-]*")
        elif char == " ":
            out.append(r"[\s\-‐‑–]+")
        elif char == "-":
            out.append(r"[\-‐‑–\s]?")
        elif char == "\\":
            out.append(phrase[i : i + 2])
            i += 1
        elif char in ",?+":
            out.append(char)
        else:
            out.append(re.escape(char))
        i += 1
    return r"(?<![\w\-])" + "".join(out) + r"(?![\w])"


@cache
def _compiled(concept: Concept) -> re.Pattern[str]:
    parts = [
        f"(?P<{'weak' if p.startswith('~') else 'strong'}{i}>{phrase_pattern(p.lstrip('~'))})"
        for i, p in enumerate(concept.phrases)
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{phrase_pattern(p)})" for p in cues), re.IGNORECASE)


def find_concepts(text: str) -> list[ConceptHit]:
    """Every concept phrase in `text`, with its span, in order of position."""
    hits: list[ConceptHit] = []
    for concept in CONCEPTS:
        for match in _compiled(concept).finditer(text):
            if match.end() > match.start():
                strength = 0.5 if (match.lastgroup or "").startswith("weak") else 1.0
                hits.append(ConceptHit(concept, match.start(), match.end(), match.group(), strength))
    hits.sort(key=lambda hit: (hit.start, -hit.end))
    return hits


def find_cues(text: str, cues: tuple[str, ...] = NEGATIVE_CUES) -> list[tuple[int, int]]:
    """The spans of deficit words ("did not", "lack", "delay" …) in `text`."""
    return [m.span() for m in _cue_pattern(cues).finditer(text) if m.end() > m.start()]
