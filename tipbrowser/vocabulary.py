"""The TIP domain vocabulary: concept groups that join what narratives say in different words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tipbrowser.phrases import PhraseIndex, phrase_pattern

__all__ = [
    "Concept",
    "ConceptHit",
    "CONCEPTS",
    "PROSECUTION",
    "PROTECTION",
    "PREVENTION",
    "find_concepts",
    "find_cues",
    "Signals",
    "signals",
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
# parenthesised or bracketed parts are regular expressions, written in lower case because
# they run on lower-cased text (so no \W or \S). A leading "~" marks a generic phrase
# ("strategy" for a national action plan) that counts for half.
CONCEPTS: tuple[Concept, ...] = (
    # ── prosecution ──────────────────────────────────────────────────────────────────
    _c("statute", "statute = trafficking law = penal code", PROSECUTION,
       "statute*", "anti-trafficking law*", "trafficking law*", "penal code", "criminal code",
       "articles? \\d+\\w*", "sections? \\d+\\w*", "non-trafficking (statutes?|crimes?|offen[cs]es?|charges?)",
       "lesser charges?", "apply* (the )?(trafficking )?law*", "legal framework", specific=True),
    _c("charging", "charge = burden of proof = lesser offences", PROSECUTION,
       "charg(e|es|ed|ing)(?![^a-z]+([a-z]+[^a-z]+){0,2}fees)", "burden of proof", "lesser charges?", "reclassif*", "pimping",
       "social dumping", "non-trafficking (statutes?|crimes?|offen[cs]es?)", "labou?r (courts?|disputes?)", "under (the )?labou?r code", "rather than (under )?(the )?labou?r code",
       "administrative (penalties|fines|sanctions)", "contractual (matters?|disputes?)",
       "wage (disputes?|claims?)", "contract (disputes?|claims?)", "employment (disputes?|claims?)", "mediation", specific=True),
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
       "official (involvement|complicity)", "accept* (bribes|payments)", "solicit* (bribes|payments)",
       "misconduct", "colluded", "collusion", "kickbacks?", "took (regular )?(payments|bribes)",
       "receiv* (regular |monthly )?(payments|bribes|kickbacks)", "provid* (security|protection) for",
       "protect* (the )?(compounds|brothels|venues|traffickers|establishments|operations)",
       "tipped off", "warn* ([a-z]+ )?([a-z]+ )?([a-z]+ )?(of|before|about) (planned |upcoming )?(raids|inspections)",
       specific=True),
    _c("judiciary", "judges = courts = judiciary", PROSECUTION,
       "judges?", "judicia*", "courts?", "magistrates?"),
    _c("police", "police = law enforcement officers = investigators", PROSECUTION,
       "police", "policing", "law enforcement officers?", "investigators?", "border guards?",
       "border police", "~officers?"),
    _c("online", "online = internet = technology", None,
       "online", "internet", "cyber*", "technolog*", "social media", "digital"),
    # ── protection ───────────────────────────────────────────────────────────────────
    _c("nrm", "NRM = national referral mechanism", PROTECTION,
       "NRMs?", "national referral mechanisms?", "referral mechanisms?", "referral (system|procedures?)",
       "refer* (them|victims) to", specific=True),
    _c("identification", "identification = screening = indicators", PROTECTION,
       "identif(y|ies|ied|ying|ication)", "screen(s|ed|ing)?", "indicators?",
       "~proactive*", "~detect*", "unidentified"),
    _c("screening", "screening = indicators among vulnerable groups", PROTECTION,
       "screen(s|ed|ing)?", "indicators?", "vulnerable (populations?|groups?)", "proactive(ly)? identif*",
       "check(s|ed|ing)? (whether|for|if)", "signs of trafficking", specific=True),
    _c("procedures", "procedures = guidelines = SOPs", PROTECTION,
       "procedures?", "guidelines?", "SOPs?", "standard operating", "protocols?", "standardi[sz]*",
       specific=True),
    _c("non_punishment", "non-punishment = penalized for unlawful acts", PROTECTION,
       "non-punishment", "non-penali[sz]ation", "penali[sz](e|ed|es|ing|ation)", "inappropriate(ly)? (penali[sz]*|punish*|arrest*|detain*|deport*)",
       "unlawful acts", "direct result of being trafficked", "compelled to commit", "punish*",
       "for (prostitution|fraud|theft|terrorism|illegal (entry|border crossing|work))( offen[cs]es)?",
       "with (prostitution|fraud|theft|terrorism)( offen[cs]es)?",
       "immigration (violations?|violators|offen[cs]es)", "treated ([a-z]+ )?([a-z]+ )?([a-z]+ )?([a-z]+ )?as (criminals|offenders)",
       specific=True),
    _c("shelter", "shelter = assistance = services = care", PROTECTION,
       "shelters?", "assistance", "services", "accommodations?", "housing", "psychological",
       "medical", "~care", "legal aid", "reintegration", "rehabilitat*", "crisis centers?", "~support"),
    _c("compensation", "restitution = compensation = damages", PROTECTION,
       "restitution", "compensat*", "damages", "civil (suits?|claims?)", "reparations?", specific=True),
    _c("testimony", "testify = witness = court proceedings", PROTECTION,
       "testif(y|ied|ies|ying)", "testimony", "witness*", "retaliation", "victim-centered",
       "trauma-informed", "re-traumati[sz]ation", "criminal proceedings", "confront*",
       "presence of (their )?(alleged )?traffickers", specific=True),
    _c("immigration", "deportation = immigration status = residence permits", PROTECTION,
       "deport*", "immigration", "residence permits?", "residency", "reflection period",
       "removal", "detention", "asylum", specific=True),
    _c("consular", "consular assistance = embassies = citizens exploited abroad", PROTECTION,
       "consula*", "consulates?", "embass(y|ies)", "diplomat*", "labou?r attach[eé]s?",
       "citizens (exploited )?abroad", "nationals abroad", "repatriat*", specific=True),
    # ── prevention ───────────────────────────────────────────────────────────────────
    _c("nap", "NAP = national action plan = national strategy", PREVENTION,
       "NAPs?", "national action plans?", "national (anti-trafficking )?strateg(y|ies)", "national plans?",
       "anti-trafficking (action )?plans?", "anti-trafficking strateg(y|ies)", "~action plans?", "~strateg(y|ies)",
       specific=True),
    _c("coordination", "coordination = roles and responsibilities = stakeholders", None,
       "coordinat*", "roles? and responsibilities", "stakeholders?", "inter-ministerial", "interagency",
       "working groups?", "committees?", "task force"),
    _c("recruitment", "recruitment fees = labor recruiters = brokers", PREVENTION,
       "~recruit*", "recruiters?", "recruitment (fees?|agenc(y|ies)|agents?|costs?)", "fees",
       "brokers?", "job offers?", "debt bondage", "manning agen*", "labou?r (agents?|agenc(y|ies))",
       "employment agenc(y|ies)", specific=True),
    _c("labor_inspection", "labor inspectors = inspections = workplaces", PREVENTION,
       "inspect*", "inspectorate", "labor inspection*", "workplace*", specific=True),
    _c("sponsorship", "sponsorship = kafala = exit permits = changing employers", PREVENTION,
       "sponsorship*", "sponsors?", "kafala", "exit (permits?|visas?)", "change (employers|jobs)",
       "tied to (their|an|one|a single) employers?", "abscond*", "runaway workers?", specific=True),
    _c("documents", "passport retention = confiscated identity documents", PREVENTION,
       "passports?", "identity documents?", "identification documents?", "confiscat*",
       "withh[eo]ld* (of )?(their |workers' |workers’ )?(passports?|documents?)",
       "retain* (of )?(their |workers' |workers’ )?(passports?|documents?)",
       "keep* (of )?(their |workers' |workers’ )?(passports?|documents?)",
       "holding (of )?(their |workers' |workers’ )?(passports?|documents?)",
       specific=True),
    _c("free_movement", "freedom of movement = leave shelters = chaperones", PROTECTION,
       "freedom of movement", "leave (the )?shelters?( freely)?", "chaperon*", "locked",
       "closed shelters?", "free to leave", "could not leave", "not allowed to leave", specific=True),
    _c("labor_rights", "labor law protections = working hours = days off", PREVENTION,
       "labou?r (law|laws|protections?|rights)", "working hours", "days? off", "minimum wage",
       "wage protection", "labou?r standards", specific=True),
    _c("domestic_work", "domestic workers = household workers", None,
       "domestic (workers?|work|helpers?|servitude)", "household (workers?|staff)", "maids?",
       specific=True),
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
       "social workers?", "caseworkers?", "beds", "overcrowd*", "were (frequently |often |always )?full",
       specific=True),
    _c("funding", "funding = budget = allocation", None,
       "fund*", "underfunded", "budget*", "allocat*", "resource[sd]?", "donors?", "financ*",
       specific=True),
    _c("data", "data = statistics = disaggregated", None,
       "data", "statistic*", "disaggregat*", "database*", "repository", "records?",
       "report(ed|ing|s)? (publicly|on)", "publicly available", specific=True),
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
    _c("child_soldiers", "child soldiers = armed groups = militias", None,
       "child soldiers?", "armed groups?", "armed forces", "militias?", "combatants?", "fighters?",
       "demobili[sz]*", "association with armed", specific=True),
    _c("begging", "forced begging = religious schools = street children", None,
       "beg", "begging", "beggars?", "religious (schools?|teachers?)", "quranic", "koranic",
       "talib(e|es|és)", "street children", specific=True),
    _c("osec", "online child sexual exploitation = live-streamed abuse = CSAM", None,
       "online sexual (exploitation|abuse)", "sexual (exploitation|abuse) of children",
       "child sexual (exploitation|abuse)( material)?", "OSEC", "CSAM", "live-stream*", "livestream*",
       "sexual abuse material", "child pornography", specific=True),
    _c("forced_criminality", "forced criminality = scam compounds = online scams", None,
       "forced criminality", "scam (compounds?|centers?|centres?|operations?)", "online scams?",
       "compounds?", "forced to (commit|defraud|run|carry out)", "cyber ?scam*", "cannabis (farms?|cultivation)",
       "forced criminal (activity|activities)", specific=True),
    _c("bonded_labor", "bonded labor = debt bondage = brick kilns", None,
       "bonded labou?r*", "debt bondage", "bonded", "peonage", "brick kilns?", "kilns?", "~debts?",
       "advances? (on|against) (their )?wages", specific=True),
    _c("forced_marriage", "forced marriage = child marriage = sold as brides", None,
       "forced marriages?", "child marriages?", "early marriages?", "brides?", "bride price",
       "age of marriage", "sell* ([a-z]+ )?(girls?|daughters?|children) into marriage", "~marriages?",
       "marriage brokers?", specific=True),
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
    "underfunded", "challeng*", "difficult*", "barr(ed|ing)", "rather than", "instead of",
    "excluded", "without", "only", "widespread", "routinely",
    "persist*", "obstacles?", "shortage*", "reduced", "closed", "need(ed|s)? (for|to)",
    "hamper*", "could not", "unfamiliar", "remained (pending|unapproved|unimplemented|in draft)",
    "had no", "has no", "have no", "received no", "provided no", "offered no", "conducted no",
    "there (was|were|is|are) no", "no (formal|written|guidance|procedures?|budget|funding|training|law)",
    "for (prostitution|fraud|theft|terrorism|illegal (entry|border crossing|work))( offen[cs]es)?",
    "immigration (violations?|violators|offen[cs]es)", "against (their|his|her) will", "bribes?",
    "complicit*", "took payments", "accepted payments",
    "wage disputes?", "labou?r disputes?", "contractual (matters?|disputes?)", "mediation",
    "treated ([a-z]+ )?([a-z]+ )?([a-z]+ )?([a-z]+ )?as (criminals|offenders|illegal|immigration)",
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


@cache
def _concept_index() -> PhraseIndex:
    return PhraseIndex([(concept, phrase) for concept in CONCEPTS for phrase in concept.phrases])


@cache
def _cue_index(cues: tuple[str, ...]) -> PhraseIndex:
    return PhraseIndex([(None, cue) for cue in cues])


@cache
def _signal_index() -> PhraseIndex:
    return PhraseIndex(
        [(concept, phrase) for concept in CONCEPTS for phrase in concept.phrases]
        + [(_CUE, cue) for cue in NEGATIVE_CUES]
        + [(_DECLINE, cue) for cue in DECLINE_CUES]
    )


_CUE = "cue"
_DECLINE = "decline"


@dataclass(frozen=True, slots=True)
class Signals:
    """What the vocabulary finds in one sentence: concepts, deficit words, decline words."""

    concepts: tuple[ConceptHit, ...]
    cues: tuple[tuple[int, int], ...]
    declines: tuple[tuple[int, int], ...]


def signals(text: str) -> Signals:
    """Concepts, deficit cues and decline cues of `text`, in one pass."""
    concepts: list[ConceptHit] = []
    cues: list[tuple[int, int]] = []
    declines: list[tuple[int, int]] = []
    for payload, weak, start, end in _signal_index().scan(text):
        if payload is _CUE:
            cues.append((start, end))
        elif payload is _DECLINE:
            declines.append((start, end))
        else:
            concepts.append(ConceptHit(payload, start, end, text[start:end], 0.5 if weak else 1.0))  # type: ignore[arg-type]
    concepts.sort(key=lambda hit: (hit.start, -hit.end))
    return Signals(tuple(concepts), tuple(sorted(cues)), tuple(sorted(declines)))


def find_concepts(text: str) -> list[ConceptHit]:
    """Every concept phrase in `text`, with its span, in order of position."""
    hits = [
        ConceptHit(concept, start, end, text[start:end], 0.5 if weak else 1.0)  # type: ignore[arg-type]
        for concept, weak, start, end in _concept_index().scan(text)
    ]
    hits.sort(key=lambda hit: (hit.start, -hit.end))
    return hits


def find_cues(text: str, cues: tuple[str, ...] = NEGATIVE_CUES) -> list[tuple[int, int]]:
    """The spans of deficit words ("did not", "lack", "delay" …) in `text`."""
    return sorted((start, end) for _, _, start, end in _cue_index(cues).scan(text))
