"""Packaging: the core stays free of Textual, and the wheel carries the bundled report."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys, tipbrowser, tipbrowser.parser, tipbrowser.reader, tipbrowser.export, "
        "tipbrowser.cli\n"
        "import pkgutil, importlib\n"
        "for m in pkgutil.iter_modules(tipbrowser.__path__):\n"
        "    if m.name not in ('ui', '__main__'):\n"
        "        importlib.import_module('tipbrowser.' + m.name)\n"
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_wheel_contains_the_bundled_report(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    builder = WheelBuilder(str(ROOT))
    wheel = next(iter(builder.build(directory=str(tmp_path), versions=["standard"])))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "tipbrowser/seeds/norway-2025.txt" in names
        packed = archive.read("tipbrowser/seeds/norway-2025.txt")
    assert packed == (ROOT / "seeds" / "norway-2025.txt").read_bytes()
    assert any(name.endswith("entry_points.txt") for name in names)
    styles = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tipbrowser").rglob("*.tcss")}
    assert styles and styles <= set(names)  # every stylesheet the app loads ships with it
