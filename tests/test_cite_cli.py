"""`tipbrowser cite` through `main([...])`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tipbrowser.cite import CiteFormat, cite
from tipbrowser.cli import main
from tipbrowser.config import CONFIG_DIR_ENV
from tipbrowser.model import Report


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every run's config in a fresh folder."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["cite", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_prints_the_plain_citation_of_the_bundled_report(capsys: pytest.CaptureFixture[str], norway: Report) -> None:
    status, out, err = run(capsys, "norway-2025/protection/p4/s2")
    assert (status, err) == (0, "")
    assert out == cite(norway, "norway-2025/protection/p4/s2", today=date.today()) + "\n"
    assert out.startswith("“Human Trafficking Support Oslo")
    assert "Protection, paragraph 4 (passage norway-2025/protection/p4/s2)" in out


@pytest.mark.parametrize("fmt", [f.value for f in CiteFormat])
def test_each_format(capsys: pytest.CaptureFixture[str], norway: Report, fmt: str) -> None:
    status, out, _ = run(capsys, "prosecution/p2", "--format", fmt)
    assert status == 0
    assert out == cite(norway, "norway-2025/prosecution/p2", fmt=CiteFormat(fmt), today=date.today()) + "\n"


def test_csl_json_output_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "prosecution/p2", "--format", "csl-json")
    assert json.loads(out)[0]["title"] == "2025 Trafficking in Persons Report: Norway"


def test_no_quote(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "norway-2025/protection/p4/s2", "--no-quote")
    assert status == 0
    assert out.startswith("U.S. Department of State, 2025 Trafficking in Persons Report: Norway, Protection")
    assert "Human Trafficking Support Oslo" not in out and out.count("\n") == 1


def test_explicit_path(capsys: pytest.CaptureFixture[str], norway_path: Path) -> None:
    status, out, _ = run(capsys, "norway-2025/protection/p1", str(norway_path), "--no-quote")
    assert status == 0 and "(passage norway-2025/protection/p1)" in out


def test_unknown_id_is_one_sentence_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "norway-2025/protection/p9")
    assert (status, out) == (2, "")
    assert err == (
        'tipbrowser: no passage "norway-2025/protection/p9" in norway-2025; nearest: '
        "norway-2025/protection/p5, norway-2025/protection/p4, norway-2025/protection/p3\n"
    )


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["cite", "protection/p1", "--format", "docx"])
    assert caught.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err


def test_missing_file_is_status_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "protection/p1", str(tmp_path / "missing.txt"))
    assert status == 2 and out == "" and err.startswith("tipbrowser: ") and err.count("\n") == 1


def test_default_format_comes_from_the_config(capsys: pytest.CaptureFixture[str], config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('cite_format = "markdown"\n', encoding="utf-8")
    status, out, err = run(capsys, "protection/p1")
    assert (status, err) == (0, "")
    assert out.startswith("> The government slightly increased victim protection efforts.\n\n— ")
    _, out, _ = run(capsys, "protection/p1", "--format", "plain")
    assert out.startswith("“The government")


def test_first_run_creates_the_config(capsys: pytest.CaptureFixture[str], config_dir: Path) -> None:
    run(capsys, "protection/p1")
    assert (config_dir / "config.toml").is_file()


def test_broken_config_warns_and_still_cites(capsys: pytest.CaptureFixture[str], config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text("cite_format = [\n", encoding="utf-8")
    status, out, err = run(capsys, "protection/p1")
    assert status == 0
    assert out.startswith("“The government slightly increased victim protection efforts.”\n— ")
    assert err.startswith(f"tipbrowser: warning: {config_dir / 'config.toml'} is not valid TOML: ")
    assert err.count("\n") == 1
