"""Bytes to text, honestly: encoding detection, newline normalisation and refusals."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

from tipbrowser.errors import (
    BinaryFileError,
    NotAFileError,
    NotFoundError,
    TooLargeError,
    UnreadableError,
)

__all__ = ["Decoded", "DEFAULT_MAX_BYTES", "read_path", "read_bytes", "decode", "normalise"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused unless the caller raises the cap (`--max-size`)."""

_BROAD_FAILURE = 0.001
"""Share of undecodable UTF-8 bytes above which the file is taken to be cp1252."""

_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")

_BLANK_LINE = re.compile(r"^[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+$", re.MULTILINE)


class Decoded(NamedTuple):
    """A file's text after decoding and normalisation, and how it was decoded."""

    text: str
    encoding: str
    path: Path | None = None


def read_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode the narrative at `path`, refusing anything that is not one."""
    path = Path(path)
    data, _ = read_bytes(path, max_bytes=max_bytes)
    try:
        return decode(data, path=path)
    except BinaryFileError:
        raise BinaryFileError(path, "holds binary data (NUL bytes), not a narrative") from None


def read_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path` and its status, refusing anything else."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise NotFoundError(path, "no such file") from None
    except PermissionError:
        raise UnreadableError(path, "permission denied") from None
    except OSError as error:
        raise UnreadableError(path, error.strerror or "cannot be read") from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAFileError(path, "is a directory, not a report file")
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(path, "is not a regular file (a device, FIFO or socket)")
    if info.st_size > max_bytes:
        raise TooLargeError(
            path,
            f"is {info.st_size:,} bytes, over the {max_bytes:,}-byte cap "
            "(raise it with --max-size)",
        )
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after stat, open must not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise UnreadableError(path, "permission denied") from None
    except OSError as error:
        raise UnreadableError(path, error.strerror or "cannot be read") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(path, "is not a regular file (a device, FIFO or socket)")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLargeError(
            path, f"is over the {max_bytes:,}-byte cap (raise it with --max-size)"
        )
    return data, info


def decode(data: bytes, *, path: Path | None = None) -> Decoded:
    """Decode report bytes: BOMs, UTF-8, UTF-16, and cp1252 when UTF-8 fails broadly."""
    text: str
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        text = data[2:].decode(encoding, errors="replace")
        encoding = "utf-16"
    else:
        if b"\x00" in data:
            raise BinaryFileError(path or Path("<data>"), "holds binary data (NUL bytes)")
        text, encoding = _decode_8bit(data)
    if "\x00" in text:
        raise BinaryFileError(path or Path("<data>"), "holds binary data (NUL bytes)")
    return Decoded(normalise(text), encoding, path)


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """UTF-8 when the bytes are UTF-8 but for a stray byte or two; else cp1252 or latin-1.

    A stray invalid byte in a UTF-8 file is replaced, not a reason to re-decode the whole
    file; but a file whose only non-ASCII bytes are invalid UTF-8 is a cp1252 file.
    """
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    has_utf8 = _DECODED_NON_ASCII.search(text) is not None
    if has_utf8 and bad <= max(2, int(len(data) * _BROAD_FAILURE)):
        return text, "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def normalise(text: str) -> str:
    """Newlines to LF, no BOM, and lines of only whitespace or NBSP made empty."""
    text = text.lstrip("\ufeff")  # all of them, so that normalising twice changes nothing
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BLANK_LINE.sub("", text)
