"""`tipbrowser [PATH ...]`: bad paths before the app starts, crashes as one line, exit codes."""

from __future__ import annotations

from pathlib import Path

from tipbrowser.cli import main
from tipbrowser.ui import app as app_module
from tipbrowser.ui.screens.reading import ReadingScreen


def test_a_missing_path_is_one_sentence_and_exit_2_before_the_app(tmp_path: Path, capsys, monkeypatch) -> None:
    started = []
    monkeypatch.setattr(app_module.TipBrowserApp, "run", lambda self, **kw: started.append(self))
    assert main([str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt" in err
    assert started == []


def _planned(app: app_module.TipBrowserApp) -> tuple[list[str], list[str]]:
    """The ids of every report the app opens (the first at once, the rest after), and the files it skips."""
    from tipbrowser.library import Skipped

    ids = [report.id for report in app.reports]
    library = app.library
    rest = list(library.opening.remaining or ()) if library is not None else []
    skipped = [*(library.opening.skipped if library is not None else ()), *(i for i in rest if isinstance(i, Skipped))]
    ids.extend(item.id for item in rest if not isinstance(item, Skipped))
    return ids, [item.path.name for item in skipped]


def test_one_bad_path_among_good_ones_is_skipped_not_fatal(tmp_path: Path, norway_path: Path, capsys, monkeypatch) -> None:
    started = []
    monkeypatch.setattr(app_module.TipBrowserApp, "run", lambda self, **kw: started.append(self))
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    assert main([str(norway_path), str(binary)]) == 0
    assert _planned(started[0]) == (["norway-2025"], ["image.txt"])
    assert main([str(binary)]) == 2  # named alone, it is one sentence before the app
    assert len(started) == 1 and capsys.readouterr().err.count("\n") == 1


def test_several_paths_open_them_all(norway_path: Path, hostile_path: Path, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(app_module.TipBrowserApp, "run", lambda self, **kw: opened.append(self))
    assert main([str(norway_path), str(hostile_path)]) == 0
    assert _planned(opened[0]) == (["norway-2025", "freedonia-2024"], [])


def _crash_headless(monkeypatch) -> None:
    def boom(self) -> None:
        raise RuntimeError("the widget broke\nbadly")

    monkeypatch.setattr(ReadingScreen, "on_mount", boom)
    original = app_module.TipBrowserApp.run
    monkeypatch.setattr(app_module.TipBrowserApp, "run", lambda self, **kw: original(self, headless=True, size=(80, 24)))


def test_a_crash_prints_one_line_and_exits_non_zero(monkeypatch, capsys) -> None:
    _crash_headless(monkeypatch)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err == "tipbrowser: unexpected error: RuntimeError: the widget broke badly (run with --debug for details)\n"


def test_a_crash_with_debug_keeps_the_traceback(monkeypatch, capsys) -> None:
    _crash_headless(monkeypatch)
    assert main(["--debug"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "the widget broke" in err


def test_a_folder_opens_the_narratives_inside_it(tmp_path: Path, norway_path: Path, hostile_path: Path, monkeypatch, capsys) -> None:
    opened = []
    monkeypatch.setattr(app_module.TipBrowserApp, "run", lambda self, **kw: opened.append(self))
    (tmp_path / "a.txt").write_bytes(norway_path.read_bytes())
    (tmp_path / "b.txt").write_bytes(hostile_path.read_bytes())
    assert main([str(tmp_path)]) == 0
    assert _planned(opened[0]) == (["norway-2025", "freedonia-2024"], [])
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([str(empty)]) == 2
    assert "no narratives" in capsys.readouterr().err
