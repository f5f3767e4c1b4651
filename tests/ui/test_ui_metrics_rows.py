"""How metrics read in the Metrics tab: sparklines, names, values, priors and change (no Textual)."""

from __future__ import annotations

import dataclasses

import pytest

from tipbrowser.metric_converters import Range
from tipbrowser.metric_priors import Prior
from tipbrowser.metrics import Metric, extract_metrics
from tipbrowser.model import Report
from tipbrowser.ui.metric_rows import (
    SPARK_BLOCKS,
    by_pillar,
    format_change,
    format_number,
    format_priors,
    format_value,
    metric_key,
    metric_label,
    sparkline,
)


@pytest.fixture
def figure(norway: Report) -> Metric:
    """A plain count with no priors, to vary with `dataclasses.replace`."""
    base = next(m for m in extract_metrics(norway) if m.name == "investigations")
    return dataclasses.replace(base, prior=(), breakdown=(), qualifier=None, currency=None, usd=None, subset=None, applies_to=None)


def test_sparkline_scales_between_lowest_and_highest() -> None:
    assert sparkline([32, 27, 19]) == "█▅▁"
    assert sparkline([0, 3]) == "▁█"
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == SPARK_BLOCKS


def test_sparkline_needs_two_values_and_draws_flat_lines_mid_height() -> None:
    assert sparkline([]) == ""
    assert sparkline([5]) == ""
    assert sparkline([4, 4, 4]) == "▄▄▄"


def test_numbers_read_as_written() -> None:
    assert format_number(87000) == "87,000"
    assert format_number(18_000_000) == "18 million"
    assert format_number(37_700_000) == "37.7 million"
    assert format_number(3_310_000_000) == "3.31 billion"
    assert format_number(2.5) == "2.5"


def test_names_are_readable_and_say_what_a_subset_applies_to(figure: Metric) -> None:
    assert metric_label(dataclasses.replace(figure, name="victims_identified")) == "Victims identified"
    assert metric_label(dataclasses.replace(figure, name="victims_identified", subset="child")) == "Victims identified (child)"
    assert metric_label(dataclasses.replace(figure, name="penalties", applies_to="adult victims")) == "Prescribed penalties (adult victims)"
    assert metric_label(dataclasses.replace(figure, name="arrests")) == "Arrests"
    assert metric_label(dataclasses.replace(figure, name="other", unit="police districts")) == "Police districts"


def test_values_carry_unit_qualifier_currency_and_usd(figure: Metric) -> None:
    assert format_value(figure) == "19 cases"
    assert format_value(dataclasses.replace(figure, qualifier="up to", value=6, unit="years")) == "up to 6 years"
    assert format_value(dataclasses.replace(figure, value=Range(5, 15), unit="years")) == "5–15 years"
    money = dataclasses.replace(figure, value=18_000_000, unit=None, currency="NOK", usd=1_590_000)
    assert format_value(money) == "NOK 18 million ($1.59 million)"
    assert format_value(dataclasses.replace(money, currency="USD", usd=18_000_000)) == "USD 18 million"


def test_priors_latest_first_with_labels_for_undated_ones(figure: Metric) -> None:
    dated = dataclasses.replace(figure, prior=(Prior(2022, None, 32), Prior(2023, None, 27)))
    assert format_priors(dated) == "2023: 27 · 2022: 32"
    labelled = dataclasses.replace(figure, prior=(Prior(None, "the previous reporting period", 10),))
    assert format_priors(labelled) == "the previous reporting period: 10"
    assert format_priors(figure) == ""


def test_change_shows_arrow_and_percent_or_the_difference_from_zero(figure: Metric) -> None:
    assert format_change(dataclasses.replace(figure, prior=(Prior(2023, None, 27),)).change) == "▼ 29.6%"
    assert format_change(dataclasses.replace(figure, value=3, prior=(Prior(2023, None, 0),)).change) == "▲ +3"
    assert format_change(dataclasses.replace(figure, prior=(Prior(2023, None, 19),)).change) == "＝ 0%"
    assert format_change(figure.change) == ""


def test_groups_follow_pillar_order_and_skip_empty_ones(norway: Report, figure: Metric) -> None:
    groups = by_pillar(extract_metrics(norway))
    assert [pillar for pillar, _ in groups] == ["prosecution", "protection", "prevention", "other"]
    assert all(metric.pillar == pillar for pillar, found in groups for metric in found)
    only = by_pillar([dataclasses.replace(figure, pillar="prevention")])
    assert [pillar for pillar, _ in only] == ["prevention"]


def test_keys_are_deterministic_and_tell_shared_numbers_apart(norway: Report) -> None:
    metrics = extract_metrics(norway)
    keys = [metric_key(m) for m in metrics]
    assert keys == [metric_key(m) for m in extract_metrics(norway, cache=False)]
    shared = [m for m in metrics if m.name in {"prosecutions", "convictions"}]
    assert len({metric_key(m) for m in shared}) == len(shared) == 2
