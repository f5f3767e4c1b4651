"""The Recommendations tab: every recommendation with its evidence count, and the chosen one's evidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tipbrowser.text import visible
from tipbrowser.ui.evidence_controller import recommendation_label

if TYPE_CHECKING:
    from tipbrowser.evidence import Evidence, Link

__all__ = ["RecommendationsPanel", "evidence_prompt", "recommendation_prompt", "why_line", "MAX_RECOMMENDATIONS"]

MAX_RECOMMENDATIONS = 500
"""At most this many recommendations are listed (a long list freezes the widget); `r` still reaches all."""

_PENDING = "Linking each recommendation to the passages behind it…"
_EMPTY = "This report has no prioritized recommendations."


def recommendation_prompt(link: Link) -> Content:
    """A recommendation's number, its evidence count and its text."""
    count = len(link.evidence)
    badge = f"{count} passage" + ("" if count == 1 else "s")
    return Content.assemble(
        (recommendation_label(link.recommendation_id), "bold $accent"),
        " ",
        (f"({badge})", "$text-muted"),
        " ",
        visible(link.recommendation),
    )


def evidence_prompt(evidence: Evidence) -> Content:
    """A piece of evidence: its score and section, then the sentence with the matched terms styled."""
    text = evidence.text
    sentence = Content(visible(text)) if visible(text) != text else _terms_styled(evidence)
    heading = Content.assemble((f"{evidence.score:.2f}", "bold"), " ", (evidence.section_kind.upper(), "$primary"))
    return Content.assemble(heading, "\n", sentence)


def _terms_styled(evidence: Evidence) -> Content:
    content = Content(evidence.text)
    for low, high in evidence.spans:
        content = content.stylize("bold underline $warning", low, high)
    return content


def why_line(evidence: Evidence | None) -> Content:
    """Why a sentence was linked: its matched terms and the reasons the linker gave."""
    if evidence is None:
        return Content("")
    terms = ", ".join(visible(term) for term in evidence.terms) or "none"
    reasons = "; ".join(visible(reason) for reason in evidence.reasons) or "words in common"
    return Content.assemble(("Why: ", "bold"), reasons, ("\nMatched: ", "bold"), terms)


class RecommendationsPanel(Vertical):
    """Recommendations above, the highlighted one's evidence below, and why a piece was linked.

    Moving the cursor over a recommendation shows its evidence and posts `Selected`; `enter`
    posts `Picked` (read the recommendation) or `EvidencePicked` (read that sentence).
    `right` and `left` move between the two lists, as arrows inside a widget do.
    """

    DEFAULT_CSS = """
    RecommendationsPanel {
        height: 1fr;
    }
    .panel-status {
        color: $text-muted;
        padding: 0 1;
        height: auto;
    }
    #recs-list {
        height: 2fr;
        border: none;
    }
    #evidence-title {
        padding: 0 1;
        height: auto;
        background: $panel;
    }
    #evidence-list {
        height: 3fr;
        border: none;
    }
    #evidence-why {
        height: auto;
        max-height: 6;
        padding: 0 1;
        color: $text-muted;
        border-top: hkey $panel-lighten-1;
    }
    #evidence-why.-empty {
        display: none;
    }
    #recs-supports {
        height: auto;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("right", "focus_evidence", "Evidence", show=False),
        Binding("left", "focus_recommendations", "Recommendations", show=False),
    ]

    class Ready(Message):
        """The panel is mounted and can be filled. Handler: `on_recommendations_panel_ready`."""

    class Selected(Message):
        """The cursor moved to a recommendation. Handler: `on_recommendations_panel_selected`."""

        def __init__(self, recommendation_id: str) -> None:
            super().__init__()
            self.recommendation_id = recommendation_id
            """The recommendation under the cursor."""

    class Picked(Message):
        """The user chose a recommendation to read. Handler: `on_recommendations_panel_picked`."""

        def __init__(self, recommendation_id: str) -> None:
            super().__init__()
            self.recommendation_id = recommendation_id
            """The recommendation chosen."""

    class EvidencePicked(Message):
        """The user chose a piece of evidence to read. Handler: `on_recommendations_panel_evidence_picked`."""

        def __init__(self, recommendation_id: str, position: int, sentence_id: str) -> None:
            super().__init__()
            self.recommendation_id = recommendation_id
            """The recommendation the evidence supports."""
            self.position = position
            """Its position in that recommendation's evidence, best first."""
            self.sentence_id = sentence_id
            """The sentence chosen."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._links: dict[str, Link] = {}
        self._shown: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(_PENDING), id="recs-status", classes="panel-status")
        yield OptionList(id="recs-list")
        yield Static(Content(""), id="evidence-title")
        yield OptionList(id="evidence-list")
        yield Static(Content(""), id="evidence-why")
        yield Static(Content(""), id="recs-supports")

    def on_mount(self) -> None:
        """Ask to be filled."""
        for part in ("#evidence-list", "#evidence-title", "#evidence-why"):
            self.query_one(part).display = False
        self.post_message(self.Ready())

    # ----------------------------------------------------------------- driving it

    def show_links(self, links: Sequence[Link] | None) -> None:
        """List the recommendations of `links`; None means they are still being linked."""
        listed = list(links or ())[:MAX_RECOMMENDATIONS]
        self._links = {link.recommendation_id: link for link in listed}
        self._shown = None
        recs = self._list("#recs-list")
        recs.set_options(Option(recommendation_prompt(link), id=link.recommendation_id) for link in listed)
        status = _PENDING if links is None else "" if self._links else _EMPTY
        self.query_one("#recs-status", Static).update(Content(status))
        self.query_one("#recs-status").display = bool(status)
        for part in ("#evidence-list", "#evidence-title", "#evidence-why"):
            self.query_one(part).display = bool(self._links)
        if self._links:
            recs.highlighted = 0
            self._show_evidence(next(iter(self._links)))

    def select(self, recommendation_id: str, evidence: int | None = None) -> None:
        """Put the cursor on a recommendation and, if given, on its evidence at position `evidence`."""
        if recommendation_id not in self._links:
            return
        recs = self._list("#recs-list")
        recs.highlighted = recs.get_option_index(recommendation_id)
        self._show_evidence(recommendation_id)
        if evidence is not None:
            self._list("#evidence-list").highlighted = evidence
            self._explain(evidence)

    def show_supports(self, recommendation_ids: Sequence[str]) -> None:
        """Say which recommendations the sentence the reader is on supports."""
        line = Content("")
        if recommendation_ids:
            names = ", ".join(recommendation_label(rid) for rid in recommendation_ids)
            line = Content.assemble(("This sentence supports ", "$text-muted"), (names, "bold"), (" (press ')", "$text-muted"))
        self.query_one("#recs-supports", Static).update(line)

    @property
    def selected_recommendation_id(self) -> str | None:
        """The id of the recommendation under the cursor (what a copy from this tab cites)."""
        option = self._list("#recs-list").highlighted_option
        return option.id if option is not None else None

    @property
    def selected_evidence(self) -> Evidence | None:
        """The piece of evidence under the cursor, if any."""
        link = self._links.get(self._shown or "")
        position = self._list("#evidence-list").highlighted
        if link is None or position is None or position >= len(link.evidence):
            return None
        return link.evidence[position]

    def focus_list(self) -> None:
        """Focus the list of recommendations."""
        self._list("#recs-list").focus()

    def action_focus_evidence(self) -> None:
        """Move into the evidence list, on its first passage if none is chosen."""
        listing = self._list("#evidence-list")
        if listing.display and listing.option_count:
            if listing.highlighted is None:
                listing.highlighted = 0
            listing.focus()

    def action_focus_recommendations(self) -> None:
        """Move back to the list of recommendations."""
        self.focus_list()

    # ----------------------------------------------------------------- events

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the evidence of the recommendation under the cursor, or why a piece was linked."""
        event.stop()
        # An event from the list as it was before another report replaced it names an id
        # this panel no longer holds: it is stale, and ignored.
        if event.option_list.id == "recs-list" and event.option.id in self._links:
            if self._shown != event.option.id:
                self._show_evidence(event.option.id)
                self.post_message(self.Selected(event.option.id))
        elif event.option_list.id == "evidence-list":
            self._explain(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Ask to read the chosen recommendation or piece of evidence."""
        event.stop()
        if event.option_list.id == "recs-list" and event.option.id in self._links:
            self.post_message(self.Picked(event.option.id))
        elif event.option_list.id == "evidence-list" and self._shown in self._links:
            link = self._links[self._shown]
            if event.option_index >= len(link.evidence):
                return
            evidence = link.evidence[event.option_index]
            self.post_message(self.EvidencePicked(self._shown, event.option_index, evidence.sentence_id))

    # ----------------------------------------------------------------- internals

    def _list(self, selector: str) -> OptionList:
        return self.query_one(selector, OptionList)

    def _show_evidence(self, recommendation_id: str) -> None:
        if self._shown == recommendation_id:
            return
        self._shown = recommendation_id
        link = self._links[recommendation_id]
        label = recommendation_label(recommendation_id)
        title = f"Evidence for {label}: {len(link.evidence)}, best first" if link.evidence else f"No passage found for {label}"
        self.query_one("#evidence-title", Static).update(Content.styled(title, "bold"))
        listing = self._list("#evidence-list")
        listing.set_options(Option(evidence_prompt(evidence), id=f"e{n}") for n, evidence in enumerate(link.evidence))
        listing.highlighted = None
        self._explain(None)

    def _explain(self, position: int | None) -> None:
        link = self._links.get(self._shown or "")
        evidence = link.evidence[position] if link is not None and position is not None and position < len(link.evidence) else None
        why = self.query_one("#evidence-why", Static)
        why.update(why_line(evidence))
        why.set_class(evidence is None, "-empty")
