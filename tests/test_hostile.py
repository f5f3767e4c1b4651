"""Hostile files, text, numbers and queries through every command: one sentence and exit 2, or correct output."""

from __future__ import annotations

import codecs
import json
import os
import unicodedata
from pathlib import Path

import pytest

from tipbrowser.cli import main
from tipbrowser.parser import parse_path

NARRATIVE = (
    "2024 Trafficking in Persons Report: Freedonia\n\nFREEDONIA (Tier 2)\n\n"
    "The Government of Freedonia does not fully meet the minimum standards for the elimination "
    "of trafficking but is making significant efforts to do so.\n\n"
    "PROSECUTION\n\nThe government maintained law enforcement efforts.\n\n"
    "In 2023, police investigated 14 trafficking cases, compared with 21 in 2022. "
    "Authorities cooperated with the café owners’ association.\n"
)
COMMANDS = [["outline", "--json"], ["search", "police", "--json"], ["metrics", "--json"], ["evidence", "--json"]]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _one_sentence(err: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("tipbrowser: ")
    assert "Traceback" not in err


# ---- files that are refused -----------------------------------------------------------


def _refused(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    binary = tmp_path / "late-nul.txt"
    binary.write_bytes(b"a" * 70_000 + b"\x00" + b"b" * 10)
    return {
        "missing": tmp_path / "absent.txt",
        "directory-as-file": fifo.parent / "sub",
        "fifo": fifo,
        "device": Path("/dev/zero"),
        "binary": binary,
    }


@pytest.mark.parametrize("command", [c[0] for c in COMMANDS] + ["cite"])
@pytest.mark.parametrize("case", ["missing", "fifo", "device", "binary"])
def test_refused_files_give_one_sentence_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, case: str
) -> None:
    path = _refused(tmp_path)[case]
    argv = {
        "outline": ["outline", str(path)],
        "search": ["search", "police", str(path)],
        "metrics": ["metrics", str(path)],
        "evidence": ["evidence", str(path)],
        "cite": ["cite", "x/intro/p1", str(path)],
    }[command]
    status, out, err = _run(argv, capsys)
    assert status == 2
    assert out == ""
    _one_sentence(err)
    assert path.name in err


def test_directory_given_to_a_one_file_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(["outline", str(tmp_path)], capsys)
    assert status == 2
    _one_sentence(err)
    assert "directory" in err


def test_oversize_names_the_flag_that_raises_the_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.txt"
    path.write_text(NARRATIVE * 40)
    status, _, err = _run(["outline", str(path), "--max-size", "1K"], capsys)
    assert status == 2
    _one_sentence(err)
    assert "--max-size" in err
    assert _run(["outline", str(path), "--max-size", "1M"], capsys)[0] == 0


def test_permission_denied_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(NARRATIVE)
    real_open = os.open

    def deny(file: object, *args: object, **kwargs: object) -> int:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    status, _, err = _run(["outline", str(path)], capsys)
    assert status == 2
    _one_sentence(err)
    assert "permission denied" in err


@pytest.mark.parametrize(
    "name",
    ["esc-\x1b]0;owned\x07-\x1b[2J.txt", "[bold]x[/].txt", "[@click=app.quit].txt"],
)
def test_hostile_file_names_are_shown_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    status, _, err = _run(["outline", str(tmp_path / name)], capsys)
    assert status == 2
    _one_sentence(err)
    assert "\x1b" not in err and "\x07" not in err
    if "\x1b" not in name:
        assert name in err


def test_file_name_with_invalid_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/bad-\xff\xfe.txt"
    with open(raw, "wb") as handle:
        handle.write(NARRATIVE.encode())
    name = os.fsdecode(raw)
    status, out, err = _run(["outline", name, "--json"], capsys)
    assert status == 0, err
    assert json.loads(out)["country"] == "Freedonia"
    status, _, err = _run(["outline", name + ".missing"], capsys)
    assert status == 2
    _one_sentence(err)


# ---- files that open -------------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "   \n\n\xa0\n\t\n"])
def test_empty_and_whitespace_files_open_as_empty_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content)
    for command in COMMANDS:
        status, out, err = _run([command[0], *command[1:], str(path)], capsys)
        assert status == 0, (command, err)
        json.loads(out)
    status, out, _ = _run(["outline", "--json", str(path)], capsys)
    data = json.loads(out)
    assert data["sections"] == [] and data["recommendations"] == []


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("cp1252"),
        lambda t: t.replace("’", "'").encode("latin-1"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "crlf", "cr"],
)
def test_encodings_and_newlines_give_the_same_ids(tmp_path: Path, encode: object) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(NARRATIVE, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_bytes(encode(NARRATIVE))  # type: ignore[operator]
    expected, got = parse_path(plain), parse_path(other)
    assert got.ids() == expected.ids()
    assert got.country == "Freedonia" and got.tier == expected.tier
    assert "café" in got.text


def test_one_stray_byte_is_one_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    data = NARRATIVE.encode("utf-8")
    at = data.index(b"police")
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    report = parse_path(path)
    assert report.encoding == "utf-8"
    assert report.text.count("\ufffd") == 1
    assert "café owners’" in report.text


def test_odd_separators_stay_inside_paragraphs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "separators.txt"
    odd = NARRATIVE.replace("compared with 21", "compared\x0bwith\x0c21\x85in\u2028all")
    path.write_text(odd)
    report = parse_path(path)
    prosecution = next(s for s in report.sections if s.kind.value == "prosecution")
    assert len(prosecution.paragraphs) == 2
    for _, paragraph, sentence in report.sentences():
        assert report.text[sentence.span.start : sentence.span.end] == sentence.text
    status, out, _ = _run(["outline", "--json", str(path)], capsys)
    assert status == 0
    assert "\x0b" not in out and "\x85" not in out and "\u2028" not in out


def test_unicode_text_and_nfd_found_by_nfc_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = (
        "\n\nPROTECTION\n\nThe government maintained victim protection efforts. "
        + unicodedata.normalize("NFD", "Officials in Zürich and São Tomé met. ")
        + "Family 👨\u200d👩\u200d👧 support and 人口贩卖 hotline with zero\u200bwidth text.\n"
    )
    path = tmp_path / "unicode.txt"
    path.write_text(NARRATIVE + extra)
    for query in ["Zürich", "zurich", "São", "人口贩卖"]:
        status, out, err = _run(["search", unicodedata.normalize("NFC", query), str(path), "--json"], capsys)
        assert status == 0, err
        hits = json.loads(out)["hits"]
        assert hits, query
        text = hits[0]["text"]
        for start, end in hits[0]["spans"]:
            assert 0 <= start < end <= len(text)


# ---- hostile text ----------------------------------------------------------------------

HOSTILE = (
    "PROTECTION\n\nThe government maintained victim protection efforts. [T]he [REDACTED] law "
    "[sic] [/] [link=https://example.invalid]x[/link] [@click=app.quit]click[/] :warning: "
    "and \x1b]52;c;aGk=\x07 then \x1b]0;title\x07 then \x1b[2J and \x9b31m and \u202egnp.exe "
    "reached 14 victims.\n"
)


@pytest.mark.parametrize("command", ["outline", "search", "metrics", "evidence"])
def test_hostile_text_never_reaches_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(NARRATIVE + "\n" + HOSTILE)
    argv = [command, *(["victims"] if command == "search" else []), str(path)]
    for extra in ([], ["--json"]):
        status, out, err = _run(argv + extra, capsys)
        assert status == 0, err
        assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out and "\x07" not in out
    status, out, _ = _run(argv, capsys)
    if command == "outline":
        assert "[T]he [REDACTED]" in out
    if command == "search":
        assert "[REDACTED]" in out and "[/]" in out and "[@click=app.quit]" in out


def test_cite_strips_escapes_from_the_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(NARRATIVE + "\n" + HOSTILE)
    report = parse_path(path)
    sentence = next(s for _, _, s in report.sentences() if "REDACTED" in s.text)
    status, out, err = _run(["cite", sentence.id, str(path)], capsys)
    assert status == 0, err
    assert "[REDACTED]" in out
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out and "52;c;" not in out


# ---- hostile queries -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["(", "[", '"', "*", "-", "NEAR(", "AND", "OR", "x" * 5000, "line one\nline two\r\nthree", "\x1b[2J\x1b]0;t\x07", ":", "^", "'"],
)
def test_hostile_queries_never_fail(capsys: pytest.CaptureFixture[str], query: str) -> None:
    status, out, err = _run(["search", query, "--json"], capsys)
    assert status == 0, err
    data = json.loads(out)
    assert isinstance(data["hits"], list)
    status, out, err = _run(["search", query], capsys)
    assert status == 0
    assert "\x1b" not in out


@pytest.mark.parametrize("pattern", ["a{99999999999}", "(" * 5000, "(a|aa)+$"])
def test_hostile_regexes_are_refused_or_time_out(tmp_path: Path, capsys: pytest.CaptureFixture[str], pattern: str) -> None:
    path = tmp_path / "aaa.txt"
    path.write_text(NARRATIVE + "\nPROTECTION\n\n" + "a" * 5000 + "b.\n")
    status, out, err = _run(["search", pattern, str(path), "--regex", "--json"], capsys)
    assert status == 0, err
    data = json.loads(out)
    assert data["hits"] == [] or pattern == "(a|aa)+$"
    if pattern == "(a|aa)+$":
        assert "too long" in (data.get("notice") or "")


# ---- hostile numbers -------------------------------------------------------------------


def test_odd_digits_never_give_wrong_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (
        "\nPROTECTION\n\nThe government maintained victim protection efforts. "
        "Authorities identified ²³ victims in one area. Police identified ٤٢ victims elsewhere. "
        "Officials identified １２ victims in the north. The government identified forty-three "
        "trafficking victims in 2023. Shelters assisted 1,234 trafficking victims.\n"
    )
    path = tmp_path / "digits.txt"
    path.write_text(NARRATIVE + body)
    status, out, err = _run(["metrics", str(path), "--json"], capsys)
    assert status == 0, err
    values = {(m["name"], json.dumps(m["value"])) for m in json.loads(out)["metrics"]}
    assert ("victims_identified", "43") in values
    assert ("victims_assisted", "1234") in values
    wrong = {"2", "3", "23", "4", "42", "1", "12"}
    assert not any(name.startswith("victims") and value in wrong for name, value in values)
