"""The jump history: back and forward over the places a reader jumped from, without Textual."""

from __future__ import annotations

__all__ = ["JumpHistory"]


class JumpHistory:
    """Browser-style back and forward stacks of node ids.

    A jump records where the reader was; `back` returns there and remembers where it
    came from so `forward` can return again. A new jump clears the forward stack.
    """

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._back: list[str] = []
        self._forward: list[str] = []

    def jumped(self, origin: str) -> None:
        """Record a jump away from `origin`."""
        if self._back and self._back[-1] == origin:
            self._forward.clear()
            return
        self._back.append(origin)
        del self._back[: -self.limit]
        self._forward.clear()

    def back(self, current: str) -> str | None:
        """Where to go back to from `current`, or None when there is nowhere."""
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: str) -> str | None:
        """Where to go forward to from `current`, or None when there is nowhere."""
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()

    @property
    def can_go_back(self) -> bool:
        """Whether `back` has somewhere to go."""
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        """Whether `forward` has somewhere to go."""
        return bool(self._forward)
