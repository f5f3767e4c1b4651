"""Copying text out: OSC 52, then the system clipboard, then always a file; saying which worked."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tipbrowser.text import strip_controls, visible

__all__ = [
    "DEFAULT_OSC52_CAP",
    "LAST_COPY_NAME",
    "Delivery",
    "deliver",
    "sanitise",
    "default_state_dir",
    "write_atomically",
    "system_clipboard_reason",
]

DEFAULT_OSC52_CAP = 75_000
"""The largest text, in UTF-8 bytes, sent through OSC 52 (terminals cap it at 3 KB to 1 MB)."""

LAST_COPY_NAME = "last-copy.txt"

_TMUX_HINT = "inside tmux this needs `set -g set-clipboard on`"


@dataclass(frozen=True, slots=True)
class Delivery:
    """What happened to one copy, honestly: where it went and why it went nowhere else."""

    osc52: bool
    """The text was sent to the terminal as OSC 52 (sent, not confirmed: terminals never reply)."""
    osc52_skipped_reason: str | None
    system: bool
    """The system clipboard holds the text: it was copied and read back unchanged."""
    file: Path | None
    """The file the text was saved to."""
    file_error: str | None
    in_tmux: bool
    system_skipped_reason: str | None = None

    @property
    def delivered(self) -> bool:
        """Whether the text reached at least one place."""
        return self.osc52 or self.system or self.file is not None

    def notice(self) -> str:
        """One or two plain sentences for a notification, claiming nothing unconfirmed."""
        sentences = [self._clipboard_sentence()]
        if self.file is not None:
            sentences.append(f"Saved to {_show(self.file)}.")
        elif self.file_error:
            sentences.append(f"{self.file_error[:1].upper()}{self.file_error[1:]}.")
        return " ".join(sentences)

    def _clipboard_sentence(self) -> str:
        if self.system and self.osc52:
            return "Copied to the system clipboard and sent to the terminal clipboard (OSC 52)."
        if self.system:
            return "Copied to the system clipboard."
        if self.osc52:
            hint = f"; {_TMUX_HINT}" if self.in_tmux else ""
            return f"Sent to the terminal clipboard (OSC 52){hint}."
        reasons = [r for r in (self.osc52_skipped_reason, self.system_skipped_reason) if r]
        because = f" ({'; '.join(reasons)})" if reasons else ""
        return f"Not copied to a clipboard{because}."


# Whole terminal escape sequences, in their 7-bit (ESC …) and 8-bit (C1) spellings: CSI,
# terminated OSC / DCS / SOS / PM / APC strings, then any other short ESC sequence.
_ESCAPE_RE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)


def sanitise(text: str) -> str:
    """`text` without escape sequences, control characters, C1 controls or bidi overrides.

    Tabs and newlines stay; CRLF becomes LF.
    """
    return strip_controls(_ESCAPE_RE.sub("", text.replace("\r\n", "\n")))


def default_state_dir() -> Path:
    """The user's state folder for tipbrowser (platformdirs)."""
    import platformdirs

    return platformdirs.user_state_path("tipbrowser")


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and `os.replace`, so no reader sees half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def system_clipboard_reason(env: Mapping[str, str], platform: str | None = None) -> str | None:
    """Why the system clipboard must not be tried here (None = worth trying).

    Over ssh a clipboard tool would write to the remote machine's clipboard, not the
    user's, so it is tried only with a forwarded display, or on macOS where pbcopy is local
    to the session the user sees.
    """
    over_ssh = any(env.get(name) for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))
    has_display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if over_ssh and not has_display and (platform or sys.platform) != "darwin":
        return "no system clipboard over ssh without a display"
    return None


def deliver(
    text: str,
    *,
    osc52: Callable[[str], None] | None,
    env: Mapping[str, str] = os.environ,
    state_dir: Path | None = None,
    osc52_cap: int = DEFAULT_OSC52_CAP,
    use_system: bool = True,
    platform: str | None = None,
) -> Delivery:
    """Copy `text` everywhere it can go and report, truthfully, where it went.

    1. OSC 52 through `osc52` (the app's `copy_to_clipboard`) when within `osc52_cap` bytes;
    2. the system clipboard through pyperclip when a local tool exists (read back to confirm);
    3. always `last-copy.txt` in `state_dir` (default: the user's state folder), atomically.
    Nothing raises for a missing tool or an unwritable folder; the `Delivery` says so.
    """
    clean = sanitise(text)
    sent, osc52_reason = _send_osc52(clean, osc52, osc52_cap)
    copied, system_reason = _copy_system(clean, env, platform) if use_system else (
        False,
        "system clipboard turned off in the config",
    )
    folder = state_dir if state_dir is not None else default_state_dir()
    target = folder / LAST_COPY_NAME
    file_error = None
    try:
        write_atomically(target, clean)
    except OSError as error:
        file_error = f"could not save to {_show(target)}: {_os_reason(error)}"
    return Delivery(
        osc52=sent,
        osc52_skipped_reason=osc52_reason,
        system=copied,
        file=None if file_error else target,
        file_error=file_error,
        in_tmux=bool(env.get("TMUX")),
        system_skipped_reason=system_reason,
    )


def _send_osc52(text: str, osc52: Callable[[str], None] | None, cap: int) -> tuple[bool, str | None]:
    if osc52 is None:
        return False, "no terminal to send OSC 52 to"
    size = len(text.encode("utf-8"))
    if size > cap:
        return False, f"too large for OSC 52: {size:,} bytes, the cap is {cap:,}"
    try:
        osc52(text)
    except Exception as error:  # a terminal write failing must not lose the other routes
        return False, f"OSC 52 failed: {error}"
    return True, None


def _copy_system(text: str, env: Mapping[str, str], platform: str | None) -> tuple[bool, str | None]:
    """Copy through pyperclip's own choice of tool, then read it back to be sure."""
    reason = system_clipboard_reason(env, platform)
    if reason:
        return False, reason
    import pyperclip

    copy, paste = pyperclip.determine_clipboard()
    if not copy:  # pyperclip's "could not find a copy/paste mechanism" stand-in is falsy
        return False, "no system clipboard tool found"
    try:
        copy(text)
    except (pyperclip.PyperclipException, OSError) as error:
        return False, f"the system clipboard failed: {_first_line(error)}"
    if _reads_back(text, paste):
        return True, None
    return False, "the system clipboard did not confirm the copy"


def _reads_back(text: str, paste: Callable[[], str], attempts: int = 3) -> bool:
    """Whether the clipboard holds `text`; tools that fork (wl-copy) may need a moment."""
    wanted = text.rstrip("\n")
    for attempt in range(attempts):
        try:
            if paste().replace("\r\n", "\n").rstrip("\n") == wanted:
                return True
        except Exception:  # pyperclip raises several types; any failure means "unconfirmed"
            return False
        if attempt + 1 < attempts:
            time.sleep(0.05)
    return False


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _show(path: Path) -> str:
    """A path for a notice: under the home folder as `~/…`, control characters made visible."""
    try:
        shown = "~/" + path.relative_to(Path.home()).as_posix()
    except (ValueError, RuntimeError, KeyError):  # not under home, or no home at all
        shown = str(path)
    return visible(shown)
