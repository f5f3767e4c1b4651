"""`tipbrowser metrics` through `main([...])`: the table, --json, --csv, folders and mistakes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tipbrowser.cli import main
from tipbrowser.metrics import CSV_COLUMNS, extract_metrics
from tipbrowser.model import Report

FIXTURES = Path(__file__).parent / "fixtures" / "metrics"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["metrics", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_for_the_bundled_report(capsys: pytest.CaptureFixture[str], norway: Report) -> None:
    status, out, err = run(capsys, "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["reports"] == [
        {"id": "norway-2025", "title": norway.display_title, "country": "Norway", "year": 2025, "tier": "Tier 2"}
    ]
    assert len(data["metrics"]) == len(extract_metrics(norway))
    investigations = next(m for m in data["metrics"] if m["name"] == "investigations")
    assert investigations["report"] == "norway-2025"
    assert investigations["value"] == 19
    assert investigations["prior"] == [{"year": 2023, "label": None, "value": 27}, {"year": 2022, "label": None, "value": 32}]
    start, end = investigations["span"]
    assert norway.text[start:end] == "19"
    sentences = next(m for m in data["metrics"] if m["name"] == "sentences")
    assert sentences["value"] == {"min": 5, "max": 15}


def test_csv_has_a_header_and_one_row_per_metric(capsys: pytest.CaptureFixture[str], norway: Report) -> None:
    status, out, _ = run(capsys, "--csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(extract_metrics(norway))
    investigations = next(r for r in rows if r["name"] == "investigations")
    assert (investigations["value"], investigations["prior"]) == ("19", "2023: 27; 2022: 32")


def test_table_groups_by_pillar(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0
    assert out.index("Prosecution") < out.index("Protection") < out.index("Prevention")
    assert "investigations" in out and "2023: 27" in out
    assert "\x1b" not in out


def test_a_folder_is_scanned_and_unreadable_files_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    nested = tmp_path / "narratives" / "old"
    nested.mkdir(parents=True)
    shutil.copy(FIXTURES / "valdoria-2024.txt", tmp_path / "narratives" / "valdoria-2024.txt")
    shutil.copy(FIXTURES / "morvania-2014.txt", nested / "morvania-2014.txt")
    (nested / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "narratives" / "notes.md").write_text("Police convicted 99 traffickers.", "utf-8")
    status, out, err = run(capsys, str(tmp_path / "narratives"), "--json")
    assert status == 0
    data = json.loads(out)
    assert [r["id"] for r in data["reports"]] == ["morvania-2014", "valdoria-2024"]
    assert {m["report"] for m in data["metrics"]} == {"morvania-2014", "valdoria-2024"}
    assert err.count("\n") == 1 and "broken.txt" in err


def test_several_paths_keep_their_order(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, str(FIXTURES / "valdoria-2024.txt"), str(FIXTURES / "morvania-2014.txt"), "--csv")
    assert status == 0
    reports = [row["report"] for row in csv.DictReader(io.StringIO(out))]
    assert reports[0] == "valdoria-2024" and reports[-1] == "morvania-2014"


def test_csv_cells_cannot_start_a_formula(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    narrative = tmp_path / "x.txt"
    narrative.write_text("ZEMBLA (Tier 2)\n\nPROSECUTION\n\n=HYPERLINK(1) Police convicted 12 traffickers.\n", "utf-8")
    status, out, _ = run(capsys, str(narrative), "--csv")
    assert status == 0
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["value"] == "12"
    assert row["sentence"].startswith("'=HYPERLINK")


def test_a_missing_file_is_one_sentence_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "does-not-exist.txt")
    assert (status, out) == (2, "")
    assert "does-not-exist.txt" in err and "Traceback" not in err and err.count("\n") == 1


def test_json_and_csv_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["metrics", "--json", "--csv"])
    _, err = capsys.readouterr()
    assert stopped.value.code == 2
    assert "not allowed" in err and err.count("\n") == 1


def test_report_text_cannot_reach_the_terminal_as_escapes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    narrative = tmp_path / "evil.txt"
    narrative.write_text(
        "2024 Trafficking in Persons Report: Evil\x1b[2J\u202eland\n\nEVIL (Tier 2)\n\nPROSECUTION\n\n"
        "Police investigated 14 cases\x1b]52;c;AAAA\x07 in 2023.\n",
        "utf-8",
    )
    for argv in ([str(narrative)], [str(narrative), "--csv"], [str(narrative), "--json"]):
        status, out, _ = run(capsys, *argv)
        assert status == 0
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
        assert "14" in out
