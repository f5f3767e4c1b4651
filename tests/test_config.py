"""The config file: where it lives, created on demand with its defaults, and never fatal."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tipbrowser.cite import CiteFormat
from tipbrowser.clipboard import DEFAULT_OSC52_CAP, LAST_COPY_NAME
from tipbrowser.config import (
    CONFIG_DIR_ENV,
    DEFAULT_CONFIG_TEXT,
    Config,
    config_path,
    deliver_copy,
    load_config,
    parse_config,
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An environment that points the config at a fresh folder."""
    return {CONFIG_DIR_ENV: str(tmp_path / "config")}


def write(env: dict[str, str], text: str) -> Path:
    path = config_path(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_env_var_moves_the_config(env: dict[str, str], tmp_path: Path) -> None:
    assert config_path(env) == tmp_path / "config" / "config.toml"


def test_default_location_is_the_user_config_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_config_path", lambda name: tmp_path / "home-config" / name)
    assert config_path({}) == tmp_path / "home-config" / "tipbrowser" / "config.toml"


def test_created_on_demand_with_commented_defaults(env: dict[str, str]) -> None:
    loaded = load_config(env)
    assert loaded.created and loaded.warning is None
    assert loaded.config == Config()
    text = loaded.path.read_text(encoding="utf-8")
    assert text == DEFAULT_CONFIG_TEXT
    assert sum(line.startswith("#") for line in text.splitlines()) >= 4
    written = tomllib.loads(text)
    assert written == {
        "cite_format": "plain",
        "osc52_cap": DEFAULT_OSC52_CAP,
        "system_clipboard": True,
        "copy_dir": "",
    }
    again = load_config(env)
    assert not again.created and again.config == Config()


def test_not_created_when_not_asked(env: dict[str, str]) -> None:
    loaded = load_config(env, create=False)
    assert not loaded.created and not loaded.path.exists()


def test_the_defaults_text_reads_back_as_the_defaults() -> None:
    assert parse_config(DEFAULT_CONFIG_TEXT) == (Config(), ())


def test_settings_are_read(env: dict[str, str], tmp_path: Path) -> None:
    write(
        env,
        'cite_format = "markdown"\nosc52_cap = 1000\nsystem_clipboard = false\n'
        f'copy_dir = "{(tmp_path / "copies").as_posix()}"\n',
    )
    loaded = load_config(env)
    assert loaded.warning is None
    assert loaded.config == Config(
        cite_format=CiteFormat.MARKDOWN, osc52_cap=1000, system_clipboard=False, copy_dir=tmp_path / "copies"
    )


def test_broken_toml_falls_back_to_defaults_with_one_sentence(env: dict[str, str]) -> None:
    path = write(env, 'cite_format = "markdown"\nosc52_cap = = 3\n')
    loaded = load_config(env)
    assert loaded.config == Config()
    assert loaded.warning is not None
    assert loaded.warning.startswith(f"{path} is not valid TOML: ")
    assert "line 2" in loaded.warning
    assert loaded.warning.endswith("; using the defaults")
    assert "\n" not in loaded.warning


def test_bad_values_fall_back_one_by_one(env: dict[str, str]) -> None:
    path = write(env, 'cite_format = "docx"\nosc52_cap = -5\nsystem_clipboard = "yes"\ncolour = 1\ncopy_dir = 3\n')
    loaded = load_config(env)
    assert loaded.config == Config()
    assert loaded.problems == (
        "cite_format: unknown citation format 'docx' (choose plain, markdown, bibtex or csl-json)",
        "osc52_cap: must be a whole number of bytes, 0 or more",
        "system_clipboard: must be true or false",
        "unknown setting 'colour'",
        "copy_dir: must be a folder path in quotes",
    )
    assert loaded.warning == f"{path}: {', '.join(loaded.problems)}; using the defaults for those settings"


def test_good_settings_survive_a_bad_neighbour(env: dict[str, str]) -> None:
    write(env, 'cite_format = "bibtex"\nosc52_cap = true\n')
    loaded = load_config(env)
    assert loaded.config.cite_format is CiteFormat.BIBTEX
    assert loaded.config.osc52_cap == DEFAULT_OSC52_CAP
    assert loaded.warning is not None and "osc52_cap" in loaded.warning


def test_unreadable_config_is_a_warning(env: dict[str, str]) -> None:
    path = config_path(env)
    path.mkdir(parents=True)  # a folder where the file should be
    loaded = load_config(env)
    assert loaded.config == Config()
    assert loaded.warning is not None and loaded.warning.startswith(f"could not read {path} (")


def test_non_utf8_config_is_a_warning(env: dict[str, str]) -> None:
    path = config_path(env)
    path.parent.mkdir(parents=True)
    path.write_bytes(b'cite_format = "\xff"\n')
    loaded = load_config(env)
    assert loaded.config == Config()
    assert loaded.warning == f"could not read {path} (it is not UTF-8 text); using the defaults"


def test_uncreatable_config_gives_the_defaults(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    loaded = load_config({CONFIG_DIR_ENV: str(blocker / "config")})
    assert loaded.config == Config() and not loaded.created
    assert loaded.create_error is not None and loaded.warning is None


def test_deliver_copy_follows_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyperclip

    tried: list[str] = []
    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (tried.append, lambda: tried[-1]))
    sent: list[str] = []
    config = Config(osc52_cap=4, system_clipboard=False, copy_dir=tmp_path / "copies")
    result = deliver_copy("12345", config, osc52=sent.append, env={"DISPLAY": ":0"})
    assert sent == [] and tried == [] and not result.osc52 and not result.system
    assert result.file == tmp_path / "copies" / LAST_COPY_NAME
    assert deliver_copy("1234", config, osc52=sent.append, env={}).osc52 and sent == ["1234"]
