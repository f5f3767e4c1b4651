"""Clipboard delivery: each route, the notice in each case, sanitising and the atomic file."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pyperclip
import pytest

from tipbrowser import clipboard
from tipbrowser.clipboard import LAST_COPY_NAME, Delivery, deliver, sanitise, write_atomically

TMUX_HINT = "inside tmux this needs `set -g set-clipboard on`"
LOCAL = {"DISPLAY": ":0"}


class FakeClipboard:
    """A system clipboard tool as pyperclip would hand it over."""

    def __init__(self, *, keeps: bool = True, fails: bool = False) -> None:
        self.held = ""
        self.copies: list[str] = []
        self.keeps = keeps
        self.fails = fails

    def copy(self, text: str) -> None:
        if self.fails:
            raise pyperclip.PyperclipException("xclip: Error: Can't open display: :0")
        self.copies.append(text)
        if self.keeps:
            self.held = text

    def paste(self) -> str:
        return self.held


@pytest.fixture
def system(monkeypatch: pytest.MonkeyPatch) -> FakeClipboard:
    """pyperclip finds a working clipboard tool."""
    fake = FakeClipboard()
    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (fake.copy, fake.paste))
    return fake


@pytest.fixture
def no_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyperclip finds no clipboard tool (its own falsy stand-in)."""
    monkeypatch.setattr(pyperclip, "determine_clipboard", pyperclip.init_no_clipboard)


@pytest.fixture
def terminal() -> list[str]:
    """What the app's OSC 52 function was given."""
    return []


def test_everything_available(tmp_path: Path, system: FakeClipboard, terminal: list[str]) -> None:
    result = deliver("a quote", osc52=terminal.append, env=LOCAL, state_dir=tmp_path)
    assert (result.osc52, result.system, result.file, result.file_error) == (True, True, tmp_path / LAST_COPY_NAME, None)
    assert terminal == ["a quote"] and system.held == "a quote"
    assert (tmp_path / LAST_COPY_NAME).read_text(encoding="utf-8") == "a quote"
    assert result.notice() == (
        "Copied to the system clipboard and sent to the terminal clipboard (OSC 52). "
        f"Saved to {tmp_path / LAST_COPY_NAME}."
    )


def test_no_system_clipboard_outside_tmux(tmp_path: Path, no_system: None, terminal: list[str]) -> None:
    result = deliver("a quote", osc52=terminal.append, env=LOCAL, state_dir=tmp_path)
    assert result.osc52 and not result.system
    assert result.system_skipped_reason == "no system clipboard tool found"
    assert result.notice() == f"Sent to the terminal clipboard (OSC 52). Saved to {tmp_path / LAST_COPY_NAME}."


def test_no_system_clipboard_inside_tmux(tmp_path: Path, no_system: None, terminal: list[str]) -> None:
    env = {**LOCAL, "TMUX": "/tmp/tmux-1000/default,1234,0"}
    result = deliver("a quote", osc52=terminal.append, env=env, state_dir=tmp_path)
    assert result.in_tmux
    assert result.notice() == f"Sent to the terminal clipboard (OSC 52); {TMUX_HINT}. Saved to {tmp_path / LAST_COPY_NAME}."


def test_the_notice_never_says_copied_for_osc52(tmp_path: Path, no_system: None, terminal: list[str]) -> None:
    notice = deliver("a quote", osc52=terminal.append, env=LOCAL, state_dir=tmp_path).notice()
    assert "Copied" not in notice and "copied" not in notice.replace("Not copied", "")


def test_system_clipboard_only(tmp_path: Path, system: FakeClipboard) -> None:
    result = deliver("a quote", osc52=None, env={"TMUX": "x", **LOCAL}, state_dir=tmp_path)
    assert result.system and not result.osc52
    assert result.notice() == f"Copied to the system clipboard. Saved to {tmp_path / LAST_COPY_NAME}."


def test_over_the_cap_skips_osc52_and_says_why(tmp_path: Path, no_system: None, terminal: list[str]) -> None:
    text = "é" * 60  # 120 bytes of UTF-8
    result = deliver(text, osc52=terminal.append, env=LOCAL, state_dir=tmp_path, osc52_cap=100)
    assert terminal == [] and not result.osc52
    assert result.osc52_skipped_reason == "too large for OSC 52: 120 bytes, the cap is 100"
    assert result.notice() == (
        "Not copied to a clipboard (too large for OSC 52: 120 bytes, the cap is 100; "
        f"no system clipboard tool found). Saved to {tmp_path / LAST_COPY_NAME}."
    )
    assert (tmp_path / LAST_COPY_NAME).read_text(encoding="utf-8") == text


def test_at_the_cap_is_still_sent(tmp_path: Path, no_system: None, terminal: list[str]) -> None:
    assert deliver("x" * 100, osc52=terminal.append, env=LOCAL, state_dir=tmp_path, osc52_cap=100).osc52


def test_over_ssh_without_a_display_the_system_clipboard_is_not_tried(
    tmp_path: Path, system: FakeClipboard, terminal: list[str]
) -> None:
    env = {"SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22"}
    result = deliver("a quote", osc52=terminal.append, env=env, state_dir=tmp_path, platform="linux")
    assert system.copies == [] and not result.system
    assert result.system_skipped_reason == "no system clipboard over ssh without a display"
    assert result.notice().startswith("Sent to the terminal clipboard (OSC 52).")


def test_over_ssh_on_macos_or_with_a_display_it_is_tried(tmp_path: Path, system: FakeClipboard) -> None:
    ssh = {"SSH_TTY": "/dev/pts/3"}
    assert deliver("one", osc52=None, env=ssh, state_dir=tmp_path, platform="darwin").system
    assert deliver("two", osc52=None, env={**ssh, "WAYLAND_DISPLAY": "wayland-0"}, state_dir=tmp_path, platform="linux").system
    assert system.copies == ["one", "two"]


def test_a_copy_that_does_not_read_back_is_not_claimed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeClipboard(keeps=False)
    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (fake.copy, fake.paste))
    monkeypatch.setattr(clipboard.time, "sleep", lambda seconds: None)
    result = deliver("a quote", osc52=None, env=LOCAL, state_dir=tmp_path)
    assert fake.copies == ["a quote"] and not result.system
    assert result.system_skipped_reason == "the system clipboard did not confirm the copy"
    assert "Copied" not in result.notice()


def test_a_failing_tool_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeClipboard(fails=True)
    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (fake.copy, fake.paste))
    result = deliver("a quote", osc52=None, env=LOCAL, state_dir=tmp_path)
    assert not result.system
    assert result.system_skipped_reason == "the system clipboard failed: xclip: Error: Can't open display: :0"


def test_system_clipboard_turned_off(tmp_path: Path, system: FakeClipboard) -> None:
    result = deliver("a quote", osc52=None, env=LOCAL, state_dir=tmp_path, use_system=False)
    assert system.copies == [] and not result.system
    assert "turned off" in (result.system_skipped_reason or "")


def test_a_failing_osc52_function_does_not_stop_the_other_routes(tmp_path: Path, system: FakeClipboard) -> None:
    def broken(text: str) -> None:
        raise OSError("terminal gone")

    result = deliver("a quote", osc52=broken, env=LOCAL, state_dir=tmp_path)
    assert not result.osc52 and result.osc52_skipped_reason == "OSC 52 failed: terminal gone"
    assert result.system and result.file == tmp_path / LAST_COPY_NAME


def test_read_only_state_dir_is_reported_not_raised(
    tmp_path: Path, no_system: None, terminal: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(**kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(clipboard.tempfile, "mkstemp", read_only)
    result = deliver("a quote", osc52=terminal.append, env=LOCAL, state_dir=tmp_path)
    assert result.file is None and result.osc52
    assert result.file_error == f"could not save to {tmp_path / LAST_COPY_NAME}: read-only file system"
    assert result.notice() == (
        "Sent to the terminal clipboard (OSC 52). "
        f"Could not save to {tmp_path / LAST_COPY_NAME}: read-only file system."
    )
    assert list(tmp_path.iterdir()) == []


def test_state_dir_that_cannot_exist_is_reported(tmp_path: Path, no_system: None) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = deliver("a quote", osc52=None, env=LOCAL, state_dir=blocker / "state")
    assert result.file is None and not result.delivered
    assert result.file_error is not None and result.file_error.startswith(f"could not save to {blocker / 'state'}")
    assert result.notice().endswith(f"{result.file_error[1:]}.")


def test_full_state_dir_is_reported(tmp_path: Path, no_system: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(clipboard, "write_atomically", full)
    result = deliver("a quote", osc52=None, env=LOCAL, state_dir=tmp_path)
    assert not result.delivered
    assert result.notice() == (
        "Not copied to a clipboard (no terminal to send OSC 52 to; no system clipboard tool found). "
        f"Could not save to {tmp_path / LAST_COPY_NAME}: no space left on device."
    )


def test_state_dir_defaults_to_platformdirs(tmp_path: Path, no_system: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_state_path", lambda name: tmp_path / "state" / name)
    result = deliver("a quote", osc52=None, env=LOCAL)
    assert result.file == tmp_path / "state" / "tipbrowser" / LAST_COPY_NAME
    assert result.file.read_text(encoding="utf-8") == "a quote"


def test_everything_copied_is_sanitised(tmp_path: Path, system: FakeClipboard, terminal: list[str]) -> None:
    nasty = "a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\x9b31md\u202ee\u2066f\x85g\r\nh\ti"
    deliver(nasty, osc52=terminal.append, env=LOCAL, state_dir=tmp_path)
    saved = (tmp_path / LAST_COPY_NAME).read_text(encoding="utf-8")
    for copied in (terminal[0], system.held, saved):
        assert copied == "abcdefg\nh\ti"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("x\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),
        ("open \x1b] never closed", "open  never closed"),
        ("\x1bPq#0;2\x1b\\d", "d"),
        ("\x1b(Bok", "ok"),
    ],
)
def test_sanitise_removes_whole_escape_sequences(raw: str, clean: str) -> None:
    assert sanitise(raw) == clean


def test_file_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / LAST_COPY_NAME
    write_atomically(target, "old copy")
    replaced: list[tuple[str, str]] = []
    real_replace: Callable[[str, str], None] = os.replace

    def watching_replace(source: str, destination: str) -> None:
        # At the moment of the swap the new text is complete in a sibling file and the
        # target still holds the old text: a reader sees one or the other, never half.
        assert Path(source).parent == tmp_path and Path(source).read_text(encoding="utf-8") == "new copy"
        assert target.read_text(encoding="utf-8") == "old copy"
        replaced.append((source, destination))
        real_replace(source, destination)

    monkeypatch.setattr(clipboard.os, "replace", watching_replace)
    write_atomically(target, "new copy")
    assert len(replaced) == 1 and Path(replaced[0][1]) == target
    assert target.read_text(encoding="utf-8") == "new copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == [LAST_COPY_NAME]


def test_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(clipboard.os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_atomically(tmp_path / LAST_COPY_NAME, "text")
    assert list(tmp_path.iterdir()) == []


def test_delivery_is_frozen() -> None:
    delivery = Delivery(osc52=True, osc52_skipped_reason=None, system=False, file=None, file_error=None, in_tmux=False)
    with pytest.raises(AttributeError):
        delivery.osc52 = False  # type: ignore[misc]
