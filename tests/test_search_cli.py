"""`tipbrowser search` through `main()`: readable hits, the JSON contract, paths and errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tipbrowser.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "search"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["search", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "shelter", str(FIXTURES), "--json")
    data = json.loads(out)
    assert status == 0
    assert data["query"] == "shelter" and data["total"] == 3
    assert {"query", "total", "hits"} <= data.keys()
    for hit in data["hits"]:
        assert {"report", "id", "section", "score", "text", "snippet", "spans"} <= hit.keys()
        assert hit["id"].startswith(hit["section"] + "/") and hit["section"].startswith(hit["report"] + "/")
        assert [hit["text"][s:e].lower()[:7] for s, e in hit["spans"]] == ["shelter"]
    scores = [hit["score"] for hit in data["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_the_bundled_report_is_searched_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "hotline", "--json", "--limit", "1")
    data = json.loads(out)
    assert status == 0 and len(data["hits"]) == 1 and data["total"] > 1
    assert data["hits"][0]["report"] == "norway-2025"


def test_readable_output_groups_hits_and_shows_ids(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "victims", str(FIXTURES / "freedonia-2023.txt"))
    assert status == 0
    assert "freedonia-2023/protection/p1/s1" in out and "PROTECTION" in out
    assert out.count("TRAFFICKING PROFILE") == 1
    assert "3 hits." in out


def test_no_hits_is_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "zeppelin", str(FIXTURES))
    assert status == 0 and "No hits" in out


def test_report_text_is_never_markup_or_escapes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = (FIXTURES / "freedonia-2023.txt").read_text(encoding="utf-8")
    hostile = source.replace("hotline that", "hotline [bold]that[/bold] \x1b[31m")
    (tmp_path / "f.txt").write_text(hostile, encoding="utf-8")
    status, out, _ = run(capsys, "hotline", str(tmp_path / "f.txt"))
    assert status == 0
    assert "[bold]that[/bold]" in out and "\x1b" not in out and "␛[31m" in out


def test_regex_and_its_notice(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--regex", r"\d+ calls", str(FIXTURES), "--json")
    assert status == 0 and [h["text"][s:e] for h in json.loads(out)["hits"] for s, e in h["spans"]] == ["120 calls"]
    status, out, _ = run(capsys, "--regex", "a{99999999999}", str(FIXTURES), "--json")
    assert status == 0 and "pattern" in json.loads(out)["notice"]


def test_an_unparsable_query_notes_the_fallback(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, '"hotline', str(FIXTURES))
    assert status == 0 and "literally" in out and "1 hit." in out


def test_folders_skip_unreadable_files_with_a_note(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "ruritania-2021.txt", tmp_path / "a.txt")
    (tmp_path / "nested").mkdir()
    shutil.copy(FIXTURES / "freedonia-2023.txt", tmp_path / "nested" / "b.txt")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 20)
    status, out, err = run(capsys, "hotline OR corruption", str(tmp_path), "--json")
    assert status == 0
    assert {h["report"] for h in json.loads(out)["hits"]} == {"freedonia-2023", "ruritania-2021"}
    assert err.count("\n") == 1 and "binary.txt" in err


def test_a_bad_file_named_on_the_command_line_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 20)
    status, out, err = run(capsys, "x", str(tmp_path / "binary.txt"))
    assert status == 2 and out == "" and "binary.txt" in err and "Traceback" not in err
    status, _, err = run(capsys, "x", str(tmp_path / "missing.txt"))
    assert status == 2 and "missing.txt" in err


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_a_bad_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "x", "--limit", limit])
    assert exit_info.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_an_empty_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "x", str(tmp_path))
    assert status == 2 and out == "" and "nothing to search" in err
