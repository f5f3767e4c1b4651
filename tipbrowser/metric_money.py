"""Money in narratives: currencies, and the converter from an amount to a `Found` figure."""

from __future__ import annotations

import re

from tipbrowser.metric_converters import Context, Found, Range, qualifier_of
from tipbrowser.metric_terms import PENALTY_WORDS
from tipbrowser.numbers import NUMBER, parse_number

__all__ = ["CURRENCY_NOUNS", "CURRENCY_CODES", "money"]

CURRENCY_NOUNS = (
    r"kroner|kronor|krona|krone|euros?|dollars?|dinars?|dalasi|francs?|pesos?|rupees?|ringgit|"
    r"baht|yen|yuan|renminbi|naira|leva|lev|lei|leu|zlot(?:y|ys|ies)|forints?|koruny?|korun|rubles?|"
    r"roubles?|hryvnias?|shillings?|pounds?|rand|riyals?|rials?|dirhams?|taka|kwacha|cedis?|manat|"
    r"soms?|tenge|lari|drams?|kuna|marks?|reais|soles|lempiras?|quetzal(?:es|s)?|colones|"
    r"c[oó]rdobas|bolivianos|guaran[ií]es|crowns?|afghanis?|rupiah|kyat|riels?|kip|dong|tugriks?|leones|"
    r"ariary|birr|pula|nakfa|ouguiyas?|kwanzas?|meticais|metical|gourdes?|guilders?|liras?|lire|"
    r"denars?|somoni|rufiyaa|ngultrum|kina|vatu|tala|patacas?|lilangeni|emalangeni|maloti|loti"
)
CURRENCY_CODES = frozenset(
    """NOK SEK DKK ISK EUR USD GBP CHF RSD PLN CZK HUF RON BGN UAH RUB TRY MYR THB IDR PHP VND
    KHR LAK MMK INR PKR BDT LKR NPR CNY RMB JPY KRW TWD HKD SGD AUD NZD CAD MXN BRL ARS CLP COP
    PEN UYU BOB PYG GTQ HNL NIO CRC DOP JMD BSD BBD TTD XCD XOF XAF NGN GHS KES UGX TZS ZAR ZMW
    MWK MZN ETB EGP MAD TND DZD LYD SAR AED QAR KWD BHD OMR JOD LBP ILS IRR IQD AFN KZT UZS KGS
    TJS GEL AMD AZN MNT GMD SLL SLE LRD GNF CDF RWF BIF SOS SDG YER SYP MKD ALL BAM MDL BYN HRK
    CFA FCFA""".split()
)
"""Currency codes accepted after an amount even before the report introduces them."""

_MONEY_NAMES = [
    (re.compile(r"\bfine[sd]?\b|\bfining\b", re.I), "fines"),
    (re.compile(r"compensat|restitution|damages|reparation", re.I), "compensation"),
    (
        re.compile(
            r"\b(?:allocat|budget|fund|provid|grant|spen[dt]|disburs|contribut|donat|earmark|dedicat|"
            r"invest(?!igat)|financ|subsid|appropriat|award|receiv)",
            re.I,
        ),
        "funding",
    ),
]
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}


def money(match: re.Match[str], ctx: Context) -> list[Found]:
    """An amount of money: funding, fines, compensation or penalties, with currency and USD."""
    amount = parse_number(match.group("value"))
    clause = re.split(r"[;:]", ctx.sentence[max(0, match.start() - 200) : match.start()])[-1]
    name = next((label for regex, label in _MONEY_NAMES if regex.search(clause)), None)
    if name == "fines" and PENALTY_WORDS.search(ctx.sentence):
        name = "penalties"
    if name == "funding" and ctx.section == "profile":
        return []  # what traffickers or employers spend is not funding
    currency = _currency(match, ctx)
    if amount is None or name is None or currency is None:
        return []
    groups = match.groupdict()
    if groups.get("dollar") and _in_conversion(ctx.sentence, match.start("dollar")):
        return []
    usd = parse_number(groups["usd"]) if groups.get("usd") and not groups.get("usdhigh") else None
    if currency == "USD":
        usd = amount
    start = match.start("dollar") if groups.get("dollar") else match.start("value")
    if groups.get("bare") and match.start("bare") < start:
        start = match.start("bare")  # "SEK 4.5 million"
    value: int | float | Range = amount
    low = _MONEY_LOW.search(ctx.sentence, max(0, start - 80), start)
    if low is not None and (low_value := parse_number(low.group("low"))) is not None and low_value < amount:
        value, start, usd = Range(low_value, amount), low.start("low"), None
    purpose = _PURPOSE.match(ctx.sentence, match.end())
    applies = re.sub(r"^(?:the|its|their|a|an)\s+", "", purpose.group("what").strip()) if purpose else None
    return [
        Found(name, value, start, match.end(), currency=currency, usd=usd,
              qualifier=qualifier_of(match), applies_to=applies or None)
    ]


def _in_conversion(text: str, at: int) -> bool:
    """Whether `at` lies inside a "($1.59 million)" that converts the amount before it."""
    opening = text.rfind("(", 0, at)
    return opening >= 0 and ")" not in text[opening:at] and bool(_CONVERSION.match(text, opening))


_CONVERSION = re.compile(r"\(\s*(?:approximately\s+|about\s+|roughly\s+)?(?:US)?\$")
_MONEY_LOW = re.compile(
    rf"(?:between|from|of)\s+(?:(?:US)?\$|€|£)?\s?(?P<low>{NUMBER})\s*(?:and|to|-|–)\s*$"
)
_PURPOSE = re.compile(
    r"\s+(?:to\s+(?:fund|support|finance)\s+|toward(?:s)?\s+|for\s+|to\s+|on\s+|in\s+support\s+of\s+)"
    r"(?P<what>[^,;.()0-9]{3,80}?)"
    r"(?=\s*[,;.(]|\s*$|\s+(?:an?\s+(?:\w+\s+)?(?:increase|decrease)|compared|from|in\s+(?:19|20)\d\d|during|which|"
    r"that|and\s+(?:\$|[0-9]|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)))"
)


def _currency(match: re.Match[str], ctx: Context) -> str | None:
    groups = match.groupdict()
    if groups.get("dollar"):
        return _SYMBOLS.get(groups["dollar"], "USD")
    words = " ".join((groups.get("cur") or "").split())
    inner = re.search(r"\(([A-Z]{2,4})\)", words)
    if inner:
        return inner.group(1)
    if groups.get("code"):
        ctx.currencies[words.lower()] = groups["code"]
        ctx.currencies.setdefault(words.split()[-1].lower(), groups["code"])  # later "3.6 million riyals"
        return groups["code"]
    if groups.get("bare"):
        code = groups["bare"]
        return code if code in CURRENCY_CODES or code in ctx.currencies.values() else None
    return ctx.currencies.get(words.lower(), words) or None
