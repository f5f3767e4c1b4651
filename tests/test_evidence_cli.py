"""`tipbrowser evidence` through `main()`: the JSON contract, readable output and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tipbrowser.cli import main
from tipbrowser.cli.evidence import highlighted

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"

_HOSTILE = """\
2024 Trafficking in Persons Report: Tessaly

TESSALY (Tier 2)

The Government of Tessaly does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so. However, the government did not meet the minimum standards in several key areas.

PRIORITIZED RECOMMENDATIONS:

  • Establish a national referral mechanism [/] for victims.

PROTECTION

The government had no NRM [bold]at all[/bold] \x1b]0;owned\x07 for victims.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["evidence", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_contract_on_the_bundled_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--json")
    data = json.loads(out)
    assert status == 0 and err == ""
    assert data["report"] == "norway-2025"
    assert len(data["links"]) == 8
    for link in data["links"]:
        assert {"recommendation_id", "recommendation", "evidence"} <= link.keys()
        scores = [e["score"] for e in link["evidence"]]
        assert scores == sorted(scores, reverse=True)
        for evidence in link["evidence"]:
            assert {"sentence_id", "paragraph_id", "section", "score", "text", "terms"} <= evidence.keys()
            assert evidence["sentence_id"].startswith(evidence["paragraph_id"] + "/")
            assert evidence["paragraph_id"].startswith(evidence["section"] + "/")
            assert [evidence["text"][s:e] for s, e in evidence["spans"]]
            assert set(evidence["terms"]) == {evidence["text"][s:e] for s, e in evidence["spans"]}
    first = data["links"][4]["evidence"][0]
    assert first["sentence_id"] == "norway-2025/protection/p2/s6"


def test_readable_output_lists_recommendations_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, str(FIXTURES / "marendia-2023.txt"))
    assert status == 0
    assert "2023 Trafficking in Persons Report: Marendia" in out
    assert "r7 Adopt and resource a new national strategy to combat trafficking." in out
    assert "marendia-2023/prevention/p1/s3" in out
    assert "vocabulary: NAP = national action plan = national strategy" in out


def test_report_text_is_data_not_markup_and_escapes_are_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tessaly.txt"
    path.write_text(_HOSTILE, encoding="utf-8")
    status, out, _ = run(capsys, str(path))
    assert status == 0
    assert "[/]" in out and "[bold]at all[/bold]" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "␛" in out
    status, out, _ = run(capsys, str(path), "--json")
    assert status == 0 and "\x1b" not in out
    assert json.loads(out)["links"][0]["evidence"][0]["text"].count("\x1b") == 1


def test_missing_file_is_one_sentence_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "no-such-narrative.txt")
    assert status == 2 and out == ""
    assert err.startswith("tipbrowser: ") and err.count("\n") == 1


def test_a_report_without_recommendations_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bare.txt"
    path.write_text(_HOSTILE.split("PRIORITIZED")[0], encoding="utf-8")
    status, out, _ = run(capsys, str(path))
    assert status == 0 and "no prioritized recommendations" in out
    status, out, _ = run(capsys, str(path), "--json")
    assert json.loads(out)["links"] == []


def test_highlighted_keeps_spans_aligned_around_visible_controls() -> None:
    text = "a\x1bb NRM c"
    rendered = highlighted(text, [(4, 7)])
    assert rendered.plain == "a␛b NRM c"
    styled = [rendered.plain[span.start : span.end] for span in rendered.spans]
    assert styled == ["NRM"]
