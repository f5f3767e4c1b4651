"""The Metrics tab: every figure of the report by pillar, each with its priors, change and trend."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tipbrowser.model import Span
from tipbrowser.text import visible
from tipbrowser.ui.metric_rows import (
    by_pillar,
    format_change,
    format_priors,
    format_value,
    metric_key,
    metric_label,
    sparkline,
)

if TYPE_CHECKING:
    from tipbrowser.metrics import Metric

__all__ = ["MetricsPanel", "metric_prompt", "MAX_ROWS"]

MAX_ROWS = 600
"""At most this many figures are listed (each pillar's first ones): a long list freezes the widget."""

_PENDING = "Finding the figures this report states…"
_EMPTY = "This report states no figures the extractor recognises."
_HINT = "enter: read the sentence a figure comes from"


def metric_prompt(metric: Metric) -> Content:
    """Two lines for one metric: name and value; then priors, change and sparkline."""
    first = Content.assemble((visible(metric_label(metric)), "bold"), "  ", visible(format_value(metric)))
    trend = sparkline([value for _, value in metric.history])
    details = [
        part
        for part in (
            Content(visible(format_priors(metric))),
            Content.styled(format_change(metric.change), "$warning"),
            Content.styled(trend, "$accent"),
        )
        if part.plain
    ]
    second = Content("  ").join(details) if details else Content.styled("no earlier figure given", "$text-muted")
    return Content.assemble(first, "\n  ", second)


class MetricsPanel(Vertical):
    """Lists metrics grouped by pillar; `enter` on one posts `Picked`.

    Filled by `show_metrics`; until then it says the figures are being found.
    """

    DEFAULT_CSS = """
    MetricsPanel {
        height: 1fr;
    }
    .panel-status {
        color: $text-muted;
        padding: 0 1;
        height: auto;
    }
    #metrics-list {
        height: 1fr;
        border: none;
    }
    """

    class Ready(Message):
        """The panel is mounted and can be filled. Handler: `on_metrics_panel_ready`."""

    class Picked(Message):
        """The user chose a metric to read in context. Handler: `on_metrics_panel_picked`."""

        def __init__(self, key: str, sentence_id: str, span: Span) -> None:
            super().__init__()
            self.key = key
            """The metric's id (`metric_key`)."""
            self.sentence_id = sentence_id
            """The sentence the figure comes from."""
            self.span = span
            """The figure's span in the report text."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._metrics: dict[str, Metric] = {}

    def compose(self) -> ComposeResult:
        yield Static(Content(_PENDING), id="metrics-status", classes="panel-status")
        yield OptionList(id="metrics-list")

    def on_mount(self) -> None:
        """Ask to be filled."""
        self.post_message(self.Ready())

    def show_metrics(self, metrics: Sequence[Metric] | None) -> None:
        """List `metrics` grouped by pillar; None means they are still being found."""
        options: list[Option | None] = []
        self._metrics = {}
        groups = by_pillar(metrics or ())
        share = max(MAX_ROWS // max(len(groups), 1), 1)
        for pillar, group in groups:
            options.append(Option(Content.styled(pillar.upper(), "bold $primary"), id=f"pillar-{pillar}", disabled=True))
            for metric in group[:share]:
                key = metric_key(metric)
                while key in self._metrics:
                    key += "'"
                self._metrics[key] = metric
                options.append(Option(metric_prompt(metric), id=key))
        listing = self.query_one("#metrics-list", OptionList)
        listing.set_options(options)
        status = _PENDING if metrics is None else (_HINT if self._metrics else _EMPTY)
        if metrics is not None and len(self._metrics) < len(metrics):
            status = f"Showing {len(self._metrics):,} of {len(metrics):,} figures; `tipbrowser metrics` lists them all. {_HINT}"
        self.query_one("#metrics-status", Static).update(Content(status))
        if self._metrics:
            listing.highlighted = next(n for n, option in enumerate(listing.options) if not option.disabled)

    @property
    def metrics(self) -> list[Metric]:
        """The metrics listed, in display order."""
        return list(self._metrics.values())

    @property
    def selected_key(self) -> str | None:
        """The id (`metric_key`) of the highlighted metric."""
        option = self.query_one("#metrics-list", OptionList).highlighted_option
        return option.id if option is not None and option.id in self._metrics else None

    @property
    def selected_metric(self) -> Metric | None:
        """The highlighted metric (what a copy from this tab cites)."""
        key = self.selected_key
        return None if key is None else self._metrics[key]

    def select(self, key: str) -> bool:
        """Highlight the metric with id `key`."""
        listing = self.query_one("#metrics-list", OptionList)
        if key not in self._metrics:
            return False
        listing.highlighted = listing.get_option_index(key)
        return True

    def focus_list(self) -> None:
        """Focus the list of metrics."""
        self.query_one("#metrics-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Ask to read the chosen metric's sentence."""
        event.stop()
        metric = self._metrics.get(event.option.id or "")
        if metric is not None:
            self.post_message(self.Picked(event.option.id or "", metric.sentence_id, metric.span))
