"""The jump history: back and forward like a browser."""

from __future__ import annotations

from tipbrowser.ui.history import JumpHistory


def test_back_returns_to_the_origin_and_forward_returns_again() -> None:
    history = JumpHistory()
    history.jumped("a")
    history.jumped("b")
    assert history.back("c") == "b"
    assert history.back("b") == "a"
    assert history.back("a") is None
    assert history.forward("a") == "b"
    assert history.forward("b") == "c"
    assert history.forward("c") is None


def test_a_new_jump_clears_forward() -> None:
    history = JumpHistory()
    history.jumped("a")
    assert history.back("b") == "a"
    assert history.can_go_forward
    history.jumped("a")
    assert not history.can_go_forward


def test_the_history_is_capped() -> None:
    history = JumpHistory(limit=3)
    for name in "abcdef":
        history.jumped(name)
    assert [history.back("x"), history.back("x"), history.back("x"), history.back("x")] == ["f", "e", "d", None]
