"""The action table is the one source of bindings, footer labels, help rows and palette entries."""

from __future__ import annotations

from textual.binding import Binding

from tipbrowser.ui.actions import ACTIONS, actions_for, key_display
from tipbrowser.ui.app import TipBrowserApp, make_app
from tipbrowser.ui.commands import ActionCommands
from tipbrowser.ui.screens.help import help_rows
from tipbrowser.ui.screens.reading import ReadingScreen
from tipbrowser.ui.widgets.document import DocumentView
from tipbrowser.ui.widgets.section_tree import SectionTree

OWNERS = {"app": TipBrowserApp, "screen": ReadingScreen, "reader": DocumentView, "tree": SectionTree}


def _bound(owner: type) -> list[Binding]:
    return [b for b in owner.BINDINGS if isinstance(b, Binding)]


def test_every_action_is_bound_on_its_owner_with_every_key() -> None:
    for scope, owner in OWNERS.items():
        bound = {(b.action, b.key_display) for b in _bound(owner)}
        declared = {(a.action, key_display(k)) for a in actions_for(scope) for k in a.keys}  # type: ignore[arg-type]
        assert bound == declared


def test_every_action_has_a_handler() -> None:
    for action in ACTIONS:
        name = action.action.split("(")[0]
        assert callable(getattr(OWNERS[action.scope], f"action_{name}", None)), action.id


def test_footer_labels_come_from_the_table() -> None:
    for scope, owner in OWNERS.items():
        shown = {b.action: b.description for b in _bound(owner) if b.show}
        expected = {a.action: a.label for a in actions_for(scope) if a.footer}  # type: ignore[arg-type]
        assert shown == expected


def test_help_rows_are_the_table() -> None:
    rows = help_rows()
    assert len(rows) == len(ACTIONS)
    assert {text for _, _, text in rows} == {a.help for a in ACTIONS}
    assert ("Reading", "j ↓", "Scroll down one line") in rows


async def test_palette_offers_every_action_with_palette_text() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)):
        provider = ActionCommands(app.screen)
        prompts = [prompt for prompt, _, _ in provider.commands()]
    assert prompts == [a.palette for a in ACTIONS if a.palette is not None]
    assert len(prompts) >= 15


def test_readme_key_table_lists_every_action() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The reader", 1)[1].split("\n## ", 1)[0]
    for action in ACTIONS:
        assert f"| {action.help} |" in section, action.id


async def test_palette_offers_theme_open_file_and_every_section() -> None:
    from tipbrowser.ui.commands import GoToCommands, ReportCommands

    app = make_app()
    async with app.run_test(size=(120, 40)):
        system = [command.title for command in app.get_system_commands(app.screen)]
        go_to = [prompt for prompt, _, _ in GoToCommands(app.screen).commands()]
        files = [prompt for prompt, _, _ in ReportCommands(app.screen).commands()]
    assert "Theme" in system
    assert "Go to PROTECTION" in go_to and any(p.startswith("Go to r8: ") for p in go_to)
    assert files == ["Open file…"]
