"""Citations for any passage of a report: plain, Markdown, BibTeX and CSL-JSON."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from tipbrowser.clipboard import sanitise
from tipbrowser.errors import UnknownIdError, UsageError
from tipbrowser.model import Node, Paragraph, Recommendation, Report, Section, SectionKind, Sentence
from tipbrowser.text import slugify, visible

__all__ = [
    "PUBLISHER",
    "CiteFormat",
    "Citation",
    "cite",
    "citation_for",
    "passage_text",
    "nearest_ids",
    "report_url",
    "country_slug",
]

PUBLISHER = "U.S. Department of State"

# state.gov has one page per country narrative from the 2017 report on; older reports
# live in an archive whose addresses follow no pattern, so none is given for them.
_FIRST_WEB_YEAR = 2017

# Report years whose state.gov folder is not "<year>-trafficking-in-persons-report".
_REPORT_FOLDERS = {2019: "2019-trafficking-in-persons-report-2"}

# Countries whose state.gov slug is not the naive slug of the name, keyed by the naive
# slug of each spelling the narratives use (natural and inverted order).
_COUNTRY_SLUGS = {
    "republic-of-korea": "south-korea",
    "korea-republic-of": "south-korea",
    "democratic-peoples-republic-of-korea": "north-korea",
    "korea-democratic-peoples-republic-of": "north-korea",
    "democratic-republic-of-the-congo": "democratic-republic-of-the-congo",
    "congo-democratic-republic-of-the": "democratic-republic-of-the-congo",
    "republic-of-the-congo": "republic-of-the-congo",
    "congo-republic-of-the": "republic-of-the-congo",
    "the-bahamas": "bahamas",
    "bahamas-the": "bahamas",
    "the-gambia": "gambia",
    "gambia-the": "gambia",
    "peoples-republic-of-china": "china",
    "china-peoples-republic-of": "china",
    "myanmar": "burma",
    "ivory-coast": "cote-divoire",
}

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


class CiteFormat(str, Enum):
    """The shapes a citation can take."""

    PLAIN = "plain"
    MARKDOWN = "markdown"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"

    @classmethod
    def parse(cls, value: str) -> CiteFormat:
        """The format named `value`, or a `UsageError` listing the choices."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            *rest, last = [f.value for f in cls]
            choices = f"{', '.join(rest)} or {last}"
            raise UsageError(f"unknown citation format {visible(value)!r} (choose {choices})") from None


@dataclass(frozen=True, slots=True)
class Citation:
    """The facts a citation states, before any formatting; every field is sanitised."""

    report_id: str
    title: str
    year: int | None
    country: str | None
    locator: str | None
    passage_id: str | None
    url: str | None
    accessed: date

    @property
    def unknown(self) -> str | None:
        """What the report does not say about itself: "year unknown", or None."""
        missing = [name for name, value in (("year", self.year), ("country", self.country)) if not value]
        return f"{' and '.join(missing)} unknown" if missing else None

    @property
    def where(self) -> str | None:
        """The locator with the passage id, e.g. "Protection, paragraph 4 (passage …/p4/s2)"."""
        if self.passage_id is None:
            return None
        return f"{self.locator} (passage {self.passage_id})" if self.locator else f"passage {self.passage_id}"


def country_slug(country: str) -> str:
    """The slug state.gov uses for `country` (the naive slug unless the table knows better)."""
    naive = slugify(country)
    return _COUNTRY_SLUGS.get(naive, naive)


def report_url(year: int | None, country: str | None) -> str | None:
    """The report's state.gov address, or None when it cannot be known."""
    if year is None or not country or year < _FIRST_WEB_YEAR:
        return None
    folder = _REPORT_FOLDERS.get(year, f"{year}-trafficking-in-persons-report")
    return f"https://www.state.gov/reports/{folder}/{country_slug(country)}/"


def nearest_ids(report: Report, node_id: str, n: int = 3) -> list[str]:
    """The `n` ids of `report` that look most like `node_id`, best first.

    Siblings under the deepest part of `node_id` that exists come first (so
    "…/protection/p9" suggests other Protection paragraphs), then that part itself, then
    whatever else reads most alike.
    """
    ids = report.ids()
    wanted = _with_own_prefix(report, node_id)
    ancestor = _deepest_existing(report, wanted)
    depth = wanted.count("/")
    siblings = [i for i in ids if i.startswith(ancestor + "/") and i.count("/") == depth]
    picks = difflib.get_close_matches(wanted, siblings, n=n, cutoff=0.0)
    if ancestor != report.id:
        picks.append(ancestor)
    for cutoff in (0.5, 0.0):
        picks += difflib.get_close_matches(wanted, ids, n=n + len(picks), cutoff=cutoff)
    return list(dict.fromkeys(picks))[:n]


def _with_own_prefix(report: Report, node_id: str) -> str:
    """`node_id` as an id of `report`: "protection/p9" or "sweden-2025/protection/p9" → "norway-2025/protection/p9"."""
    clean = node_id.strip().strip("/")
    head, _, tail = clean.partition("/")
    sections = {section.id.rsplit("/", 1)[-1] for section in report.sections}
    if head == report.id:
        return clean
    if head in sections or not tail:
        return f"{report.id}/{clean}"
    return f"{report.id}/{tail}"


def _deepest_existing(report: Report, node_id: str) -> str:
    """The longest leading part of `node_id` that names a node (else the report id)."""
    parts = node_id.split("/")
    for length in range(len(parts) - 1, 1, -1):
        candidate = "/".join(parts[:length])
        if report.find(candidate) is not None:
            return candidate
    return report.id


def passage_text(report: Report, node_id: str) -> str:
    """The sanitised text of a passage: one line, or paragraphs separated by blank lines."""
    node = _resolve(report, node_id)
    if isinstance(node, Section):
        return "\n\n".join(_clean(p.text) for p in node.paragraphs)
    if node is None:
        return ""
    return _clean(node.text)


def citation_for(report: Report, node_id: str | None = None, *, today: date | None = None) -> Citation:
    """The facts of a citation for `node_id` (None = the report as a whole)."""
    node = _resolve(report, node_id) if node_id is not None else None
    country = _clean(report.country) if report.country else None
    return Citation(
        report_id=_clean(report.id),
        title=_title(report.year, country),
        year=report.year,
        country=country,
        locator=_locator(report, node) if node is not None else None,
        passage_id=_clean(node.id) if node is not None else None,
        url=report_url(report.year, country),
        accessed=today or date.today(),
    )


def cite(
    report: Report,
    node_id: str | None = None,
    *,
    fmt: CiteFormat = CiteFormat.PLAIN,
    quote: str | None = None,
    include_quote: bool = True,
    today: date | None = None,
) -> str:
    """The citation of `node_id` in `fmt`, with its quote unless `include_quote` is False.

    `quote` replaces the passage's own text (a mouse selection, say); it is sanitised the
    same way. Unknown ids raise `UnknownIdError` naming the nearest ids.
    """
    citation = citation_for(report, node_id, today=today)
    text = ""
    if include_quote:
        text = _clean_quote(quote) if quote is not None else (
            passage_text(report, node_id) if node_id is not None else ""
        )
    return _FORMATTERS[CiteFormat(fmt)](citation, text)


def _resolve(report: Report, node_id: str) -> Node | None:
    """The node for `node_id`, accepting ids without the report prefix; None = the report."""
    wanted = node_id.strip()
    if wanted == report.id:
        return None
    node = report.find(wanted) or report.find(f"{report.id}/{wanted.lstrip('/')}")
    if node is None:
        nearest = ", ".join(nearest_ids(report, wanted)) or "none"
        raise UnknownIdError(f'no passage "{visible(wanted)}" in {report.id}; nearest: {nearest}')
    return node


def _title(year: int | None, country: str | None) -> str:
    """The report's name, saying what is unknown rather than guessing it."""
    if year is not None and country:
        return f"{year} Trafficking in Persons Report: {country}"
    if country:
        return f"Trafficking in Persons Report: {country} (year unknown)"
    if year is not None:
        return f"{year} Trafficking in Persons Report (country unknown)"
    return "Trafficking in Persons Report (year and country unknown)"


def _locator(report: Report, node: Node) -> str:
    """Where a node sits, in words: "Protection, paragraph 4"."""
    if isinstance(node, Recommendation):
        section = report.section(SectionKind.RECOMMENDATIONS)
        label = _section_label(section) if section else SectionKind.RECOMMENDATIONS.label
        return f"{label}, recommendation {_number(node.id, 'r')}"
    for section in report.sections:
        if node is section:
            return _section_label(section)
        for paragraph in section.paragraphs:
            if node is paragraph or (isinstance(node, Sentence) and node in paragraph.sentences):
                return f"{_section_label(section)}, paragraph {_paragraph_number(paragraph)}"
    return ""


def _section_label(section: Section) -> str:
    if section.kind is not SectionKind.OTHER:
        return section.kind.label
    title = _clean(section.title).rstrip(" :")
    return title[:1] + title[1:].lower() if title.isupper() else title or SectionKind.OTHER.label


def _paragraph_number(paragraph: Paragraph) -> int | str:
    try:
        return paragraph.number
    except ValueError:
        return _number(paragraph.id, "p")


def _number(node_id: str, letter: str) -> str:
    last = node_id.rsplit("/", 1)[-1]
    return last[1:] if last.startswith(letter) and last[1:].isdigit() else last


_SPACE_RE = re.compile(r"\s+")


def _clean(text: str) -> str:
    """No controls, escapes or bidi characters, and every whitespace run one space."""
    return _SPACE_RE.sub(" ", sanitise(text)).strip()


def _clean_quote(text: str) -> str:
    """A user's quote, sanitised, keeping its paragraph breaks (blank lines)."""
    paragraphs = re.split(r"\n\s*\n", sanitise(text))
    return "\n\n".join(p for p in (_clean(part) for part in paragraphs) if p)


def _accessed(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _plain_line(c: Citation) -> str:
    parts = [PUBLISHER, c.title]
    if c.where:
        parts.append(c.where)
    if c.url:
        parts += [c.url, f"accessed {_accessed(c.accessed)}"]
    return ", ".join(parts) + "."


def _plain(c: Citation, quote: str) -> str:
    if not quote:
        return _plain_line(c)
    return f"“{quote}”\n— {_plain_line(c)}"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(#|[+-] |\d+[.)] )")


def _md_escape(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(), escaped)


def _markdown_line(c: Citation) -> str:
    parts = [PUBLISHER, f"*{_md_escape(c.title)}*"]
    if c.passage_id:
        where = f"passage `{c.passage_id}`"
        parts.append(f"{_md_escape(c.locator)} ({where})" if c.locator else where)
    if c.url:
        parts += [f"<{c.url}>", f"accessed {_accessed(c.accessed)}"]
    return ", ".join(parts) + "."


def _markdown(c: Citation, quote: str) -> str:
    if not quote:
        return _markdown_line(c)
    block = "\n>\n".join(f"> {_md_escape(p)}" for p in quote.split("\n\n"))
    return f"{block}\n\n— {_markdown_line(c)}"


def _note(c: Citation, quote: str, open_quote: str = "“", close_quote: str = "”") -> str | None:
    parts = [part for part in (c.where, c.unknown) if part]
    text = "; ".join(parts)
    if quote:
        flat = " ".join(quote.split())
        text = f"{text}: {open_quote}{flat}{close_quote}" if text else f"{open_quote}{flat}{close_quote}"
    return text or None


_BIB_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "#": r"\#",
    "&": r"\&", "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_BIB_RE = re.compile("|".join(re.escape(k) for k in _BIB_ESCAPES))


def _bib_escape(text: str) -> str:
    return _BIB_RE.sub(lambda m: _BIB_ESCAPES[m.group()], text)


def _bibtex(c: Citation, quote: str) -> str:
    key = re.sub(r"[^A-Za-z0-9:_-]+", "-", c.report_id).strip("-") or "tip-report"
    fields = [
        ("author", f"{{{_bib_escape(PUBLISHER)}}}"),
        ("institution", _bib_escape(PUBLISHER)),
        ("title", f"{{{_bib_escape(c.title)}}}"),
        ("type", "Country narrative"),
    ]
    if c.year is not None:
        fields.append(("year", str(c.year)))
    if c.url:
        fields += [("url", c.url), ("urldate", c.accessed.isoformat())]
    note = _note(c, quote, "``", "''")
    if note:
        fields.append(("note", _bib_escape(note)))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@techreport{{{key},\n{body}}}"


def _csl_json(c: Citation, quote: str) -> str:
    item: dict[str, object] = {
        "id": c.report_id,
        "type": "report",
        "title": c.title,
        "author": [{"literal": PUBLISHER}],
        "publisher": PUBLISHER,
        "genre": "Country narrative",
    }
    if c.year is not None:
        item["issued"] = {"date-parts": [[c.year]]}
    if c.url:
        item["URL"] = c.url
        item["accessed"] = {"date-parts": [[c.accessed.year, c.accessed.month, c.accessed.day]]}
    note = _note(c, quote)
    if note:
        item["note"] = note
    return json.dumps([item], ensure_ascii=False, indent=2)


_FORMATTERS = {
    CiteFormat.PLAIN: _plain,
    CiteFormat.MARKDOWN: _markdown,
    CiteFormat.BIBTEX: _bibtex,
    CiteFormat.CSL_JSON: _csl_json,
}
