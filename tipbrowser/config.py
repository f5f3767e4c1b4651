"""The user's settings: a small TOML file, created on demand, that can never stop the program."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tipbrowser.cite import CiteFormat
from tipbrowser.clipboard import DEFAULT_OSC52_CAP, Delivery, deliver, write_atomically
from tipbrowser.errors import UsageError
from tipbrowser.text import visible

__all__ = [
    "CONFIG_DIR_ENV",
    "CONFIG_NAME",
    "DEFAULT_CONFIG_TEXT",
    "Config",
    "LoadedConfig",
    "config_dir",
    "config_path",
    "load_config",
    "parse_config",
    "deliver_copy",
]

CONFIG_DIR_ENV = "TIPBROWSER_CONFIG_DIR"
CONFIG_NAME = "config.toml"

DEFAULT_CONFIG_TEXT = f"""\
# tipbrowser settings. Delete this file to get the defaults back.

# How `y` in the app and `tipbrowser cite` format a citation:
# "plain", "markdown", "bibtex" or "csl-json".
cite_format = "plain"

# The largest copy, in bytes, sent to the terminal clipboard (OSC 52). Terminals drop
# longer sequences; a larger copy still reaches the system clipboard and the file.
osc52_cap = {DEFAULT_OSC52_CAP}

# Also copy through the system clipboard (pbcopy, wl-copy, xclip, xsel) when one exists.
system_clipboard = true

# The folder for last-copy.txt, which holds every copy; "" = the standard state folder.
copy_dir = ""
"""


@dataclass(frozen=True, slots=True)
class Config:
    """The settings, with their defaults."""

    cite_format: CiteFormat = CiteFormat.PLAIN
    osc52_cap: int = DEFAULT_OSC52_CAP
    system_clipboard: bool = True
    copy_dir: Path | None = None


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    """The settings in force, where they came from, and what went wrong reading them."""

    config: Config
    path: Path
    warning: str | None = None
    """One sentence for the user when the file could not be used as written."""
    created: bool = False
    create_error: str | None = None
    problems: tuple[str, ...] = field(default=())


def config_dir(env: Mapping[str, str] = os.environ) -> Path:
    """The folder of the config file: `$TIPBROWSER_CONFIG_DIR`, else the user config dir."""
    override = env.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path("tipbrowser")


def config_path(env: Mapping[str, str] = os.environ) -> Path:
    """The config file's path."""
    return config_dir(env) / CONFIG_NAME


def load_config(env: Mapping[str, str] = os.environ, *, create: bool = True) -> LoadedConfig:
    """Read the config, creating it with commented defaults when it does not exist yet.

    Never raises: an unreadable or broken file gives the defaults and a `warning`.
    """
    path = config_path(env)
    if not path.exists():
        if not create:
            return LoadedConfig(Config(), path)
        try:
            write_atomically(path, DEFAULT_CONFIG_TEXT)
        except OSError as error:
            return LoadedConfig(Config(), path, create_error=_os_reason(error))
        return LoadedConfig(Config(), path, created=True)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = _os_reason(error) if isinstance(error, OSError) else "it is not UTF-8 text"
        return LoadedConfig(Config(), path, warning=f"could not read {_show(path)} ({reason}); using the defaults")
    config, problems = parse_config(text)
    return LoadedConfig(config, path, warning=_warning(path, problems), problems=problems)


def deliver_copy(
    text: str,
    config: Config,
    *,
    osc52: Callable[[str], None] | None,
    env: Mapping[str, str] = os.environ,
) -> Delivery:
    """`clipboard.deliver` with the cap, system-clipboard switch and folder the config sets."""
    return deliver(
        text,
        osc52=osc52,
        env=env,
        state_dir=config.copy_dir,
        osc52_cap=config.osc52_cap,
        use_system=config.system_clipboard,
    )


def parse_config(text: str) -> tuple[Config, tuple[str, ...]]:
    """The settings in TOML `text`, and a short description of each problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), (f"not valid TOML: {error}",)
    config = Config()
    problems: list[str] = []
    for key, value in data.items():
        setting = _SETTINGS.get(key)
        if setting is None:
            problems.append(f"unknown setting {visible(key)!r}")
            continue
        try:
            config = replace(config, **{key: setting(value)})
        except UsageError as error:
            problems.append(f"{key}: {error}")
    return config, tuple(problems)


def _warning(path: Path, problems: tuple[str, ...]) -> str | None:
    if not problems:
        return None
    if problems[0].startswith("not valid TOML"):
        return f"{_show(path)} is {problems[0]}; using the defaults"
    return f"{_show(path)}: {', '.join(problems)}; using the defaults for those settings"


def _cite_format(value: Any) -> CiteFormat:
    if not isinstance(value, str):
        raise UsageError("must be a string such as \"plain\"")
    return CiteFormat.parse(value)


def _osc52_cap(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UsageError("must be a whole number of bytes, 0 or more")
    return value


def _system_clipboard(value: Any) -> bool:
    if not isinstance(value, bool):
        raise UsageError("must be true or false")
    return value


def _copy_dir(value: Any) -> Path | None:
    if not isinstance(value, str):
        raise UsageError("must be a folder path in quotes")
    return Path(value).expanduser() if value.strip() else None


# Each setting's name and the converter that checks it (raising UsageError when it is wrong).
_SETTINGS: dict[str, Callable[[Any], Any]] = {
    "cite_format": _cite_format,
    "osc52_cap": _osc52_cap,
    "system_clipboard": _system_clipboard,
    "copy_dir": _copy_dir,
}


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _show(path: Path) -> str:
    return visible(str(path))
