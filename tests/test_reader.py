"""The reader: decoding, normalisation and refusals."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from tipbrowser.errors import (
    BinaryFileError,
    NotAFileError,
    NotFoundError,
    TooLargeError,
    UnreadableError,
)
from tipbrowser.reader import decode, normalise, read_path

SAMPLE = "NORWAY (Tier 2)\n\nThe government’s “efforts” – café.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_each_encoding_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding


def test_latin1_bytes_outside_cp1252_still_decode() -> None:
    data = "Zoë and Søren\n".encode("latin-1") + bytes([0x81, 0x8D]) * 3
    decoded = decode(data)
    assert decoded.text.startswith("Zoë and Søren")
    assert decoded.encoding in {"cp1252", "latin-1"}


def test_one_stray_byte_in_utf8_is_replaced_not_redecoded() -> None:
    good = ("Søren said “yes”. " * 200).encode("utf-8")
    data = good + b"\xff" + good
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.count("Søren") == 400


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(newline: str) -> None:
    assert normalise(SAMPLE.replace("\n", newline)) == SAMPLE


def test_whitespace_and_nbsp_lines_become_blank() -> None:
    assert normalise("a\n \xa0 \n\t\nb") == "a\n\n\nb"


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"x" * 70_000 + b"\x00" + b"y")


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such file"):
        read_path(tmp_path / "absent.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(NotAFileError, match="directory"):
        read_path(tmp_path)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotAFileError, match="not a regular file"):
        read_path(fifo)


def test_dev_zero_is_refused() -> None:
    with pytest.raises(NotAFileError):
        read_path("/dev/zero")


def test_oversize_names_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(TooLargeError, match="--max-size"):
        read_path(path, max_bytes=1000)
    assert read_path(path, max_bytes=4000).text == "x" * 2000


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def deny(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(UnreadableError, match="permission denied"):
        read_path(path)


def test_binary_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(BinaryFileError, match="image.png"):
        read_path(path)
