"""The real app in a real pseudo-terminal: no escape sequence from a report reaches the terminal raw."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

HOSTILE = (
    "2024 Trafficking in Persons Report: Freedonia\n\nFREEDONIA (Tier 2)\n\n"
    "The Government of Freedonia does not fully meet the minimum standards for the elimination "
    "of trafficking but is making significant efforts to do so. Officials wrote "
    "\x1b]52;c;aGFja2Vk\x07 and \x1b]0;owned-title\x07 and \x1b[2J and \x9b31m and "
    "\u202etxt.exe into the record [@click=app.quit]here[/].\n"
)


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end and wanted not in out:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_no_raw_escape_from_the_document_reaches_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "30"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tipbrowser", str(path), "--no-cache"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    try:
        shown = _read_until(leader, b"Officials", 60)  # one word: wrapping never splits it
        shown += _read_until(leader, b"\x00never", 1.5)  # let the panes that follow the first frame draw
        os.write(leader, b"q")
        shown += _read_until(leader, b"\x00never", 5)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    assert b"Officials" in shown
    # The report's own sequences appear only as visible symbols ...
    assert "␛]52;c;aGFja2Vk␇".encode() in shown
    assert "<U+202E>".encode() in shown
    # ... never as the bytes a terminal would act on.
    for raw in (b"\x1b]52;c;aGFja2Vk", b"\x1b]0;owned-title", b"\xc2\x9b31m", "\u202e".encode()):
        assert raw not in shown
