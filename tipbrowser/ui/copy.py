"""Copy with citation in the app: what to copy, the text to copy, and its delivery off the UI thread."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.content import Content

from tipbrowser.cite import CiteFormat, cite, passage_text
from tipbrowser.clipboard import Delivery, sanitise
from tipbrowser.model import Paragraph, Recommendation, Report, Sentence
from tipbrowser.text import visible

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from tipbrowser.config import LoadedConfig
    from tipbrowser.evidence import Link
    from tipbrowser.search import SearchIndex

__all__ = [
    "CopyTarget",
    "Copyable",
    "copy_text",
    "evidence_list",
    "selection_target",
    "deliver_in_worker",
    "EVIDENCE_LISTED",
    "default_format",
    "metric_lead",
    "reload_config",
]

EVIDENCE_LISTED = 5
"""How many supporting passages a copied recommendation lists."""


@dataclass(frozen=True, slots=True)
class CopyTarget:
    """What `y`/`Y` copy: a passage of a report, optionally with other words for it.

    `quote` replaces the passage's own text (a mouse selection); `lead` is a line put
    before the quote (a metric's figure, say). `what` names it in the notice.
    """

    report_id: str
    node_id: str
    quote: str | None = None
    lead: str | None = None
    what: str = "passage"


@runtime_checkable
class Copyable(Protocol):
    """A widget that knows what `y`/`Y` should copy while it (or a child) has focus.

    The Metrics and Recommendations tabs implement this to have their selection copied.
    """

    def copy_target(self) -> CopyTarget | None:
        """What to copy now, or None for nothing."""


def metric_lead(report: Report, metric: object) -> str:
    """A line naming a metric and its figure as written, e.g. "victims identified (2024): 48 victims"."""
    name = str(getattr(metric, "name", "figure")).replace("_", " ")
    year = getattr(metric, "year", None)
    span = getattr(metric, "span", None)
    sentence = str(getattr(metric, "sentence", ""))
    figure = ""
    if span is not None and 0 <= span.start < span.end <= len(report.text):
        figure = report.text[span.start : span.end]
    if span is not None and (not figure or figure not in sentence) and span.end <= len(sentence):
        figure = sentence[span.start : span.end]
    label = f"{name} ({year})" if year else name
    return sanitise(f"{label}: {figure}" if figure else label)


def evidence_list(
    report: Report,
    recommendation_id: str,
    index: SearchIndex | None = None,
    links: Sequence[Link] | None = None,
) -> str | None:
    """The passages that support a recommendation, one line each with its id (None if none).

    `links` are the report's links when the app already has them; else they are made here.
    """
    if not isinstance(report.find(recommendation_id), Recommendation):
        return None
    if links is None:
        from tipbrowser.evidence import link_evidence

        links = link_evidence(report, index)
    link = next((link for link in links if link.recommendation_id == recommendation_id), None)
    if link is None or not link.evidence:
        return None
    lines = ["Supported by:"]
    lines += [f"- {visible(evidence.text)} ({evidence.sentence_id})" for evidence in link.evidence[:EVIDENCE_LISTED]]
    return "\n".join(lines)


def copy_text(
    report: Report,
    target: CopyTarget,
    *,
    fmt: CiteFormat,
    cited: bool,
    index: SearchIndex | None = None,
    links: Sequence[Link] | None = None,
) -> str:
    """The text `target` copies: the quote with its citation in `fmt`, or (not `cited`) the quote alone.

    A lead (a metric's figure) comes first; a recommendation's evidence list comes last,
    after its citation. BibTeX and CSL-JSON stay just the entry, so that they still parse.
    Everything is sanitised.
    """
    if cited and fmt in {CiteFormat.BIBTEX, CiteFormat.CSL_JSON}:
        return cite(report, target.node_id, fmt=fmt, quote=target.quote)
    evidence = evidence_list(report, target.node_id, index, links) if target.quote is None else None
    if not cited:
        body = target.quote if target.quote is not None else passage_text(report, target.node_id)
        return sanitise("\n".join(part for part in (target.lead, body, evidence) if part))
    cited_text = cite(report, target.node_id, fmt=fmt, quote=target.quote)
    head = f"{target.lead}\n" if target.lead else ""
    tail = f"\n\n{evidence}" if evidence else ""
    return sanitise(f"{head}{cited_text}{tail}")


_SPACE_RE = re.compile(r"\s+")


def selection_target(report: Report, selected: str) -> CopyTarget | None:
    """The passage holding a mouse selection, when the selection lies inside one paragraph.

    The narrowest passage wins: a sentence when the selection lies within one, else its
    paragraph. A selection of several passages, blank lines apart, cites the report as a
    whole. None when the text is not found, or found in more than one place.
    """
    wanted = _SPACE_RE.sub(" ", selected).strip()
    if len(wanted) < 2:
        return None
    found: list[Paragraph] = []
    for section in report.sections:
        for paragraph in section.paragraphs:
            if wanted in _SPACE_RE.sub(" ", paragraph.text):
                found.append(paragraph)
                if len(found) > 1:
                    return None
    if not found:
        return _spanning_target(report, selected)
    paragraph = found[0]
    sentences: Sequence[Sentence] = paragraph.sentences
    holder = next((s for s in sentences if wanted in _SPACE_RE.sub(" ", s.text)), None)
    node_id = holder.id if holder is not None else paragraph.id
    return CopyTarget(report.id, node_id, quote=wanted, what="selection")


def _spanning_target(report: Report, selected: str) -> CopyTarget | None:
    """The report as a whole, for a selection of several passages (blank lines apart) all in the report."""
    pieces = [piece.strip() for piece in re.split(r"\n\s*\n", selected) if piece.strip()]
    if len(pieces) < 2 or not all(piece in report.text for piece in pieces):
        return None
    return CopyTarget(report.id, report.id, quote="\n\n".join(pieces), what="selection")


_CONFIG: list[LoadedConfig] = []
_CONFIG_LOCK = threading.Lock()


def _config() -> LoadedConfig:
    from tipbrowser.config import load_config

    with _CONFIG_LOCK:
        if not _CONFIG:
            _CONFIG.append(load_config())
        return _CONFIG[0]


def reload_config() -> None:
    """Read the config file again at the next copy."""
    with _CONFIG_LOCK:
        _CONFIG.clear()


def default_format() -> CiteFormat:
    """The citation format the user's config asks for (read once)."""
    return _config().config.cite_format


def deliver_in_worker(
    node: DOMNode,
    make_text: Callable[[], str],
    *,
    what: str,
    done: Callable[[str, Delivery], None] | None = None,
) -> None:
    """Build the text and deliver it in a thread worker; notify what happened (`Delivery.notice`)."""
    from tipbrowser.config import deliver_copy

    app: App[object] = node.app

    def osc52(text: str) -> None:
        app.call_from_thread(app.copy_to_clipboard, text)

    def work() -> None:
        text = make_text()
        loaded = _config()
        delivery = deliver_copy(text, loaded.config, osc52=osc52)
        app.call_from_thread(_report, text, delivery)

    def _report(text: str, delivery: Delivery) -> None:
        severity = "information" if delivery.delivered else "error"
        title = f"Copied the {what}" if delivery.delivered else f"Could not copy the {what}"
        app.notify(Content(delivery.notice()), title=title, severity=severity)  # type: ignore[arg-type]
        loaded = _config()
        if loaded.warning and not getattr(app, "_copy_settings_warned", False):
            app._copy_settings_warned = True  # type: ignore[attr-defined]
            app.notify(Content(loaded.warning), title="Settings", severity="warning")  # type: ignore[arg-type]
        if done is not None:
            done(text, delivery)

    node.run_worker(work, thread=True, group="copy", name="copy")
