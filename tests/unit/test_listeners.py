"""Listeners: each is called, one that raises does not stop the others, unsubscribe works."""

from __future__ import annotations

import logging

from controlroom.listeners import Listeners


def test_a_broken_listener_is_logged_and_the_others_still_run(caplog) -> None:  # type: ignore[no-untyped-def]
    got: list[tuple[str, int]] = []
    ls: Listeners[[str, int]] = Listeners(logging.getLogger("t"), "test")

    def broken(name: str, n: int) -> None:
        raise RuntimeError("boom")

    ls.add(broken)
    off = ls.add(lambda name, n: got.append((name, n)))
    with caplog.at_level(logging.ERROR):
        ls.emit("a", 1)
    assert got == [("a", 1)] and "test listener failed" in caplog.text
    off()
    off()  # twice is harmless
    ls.emit("b", 2)
    assert got == [("a", 1)] and len(ls) == 1


def test_a_listener_may_unsubscribe_while_called() -> None:
    ls: Listeners[[int]] = Listeners(logging.getLogger("t"), "test")
    got: list[int] = []
    offs = []

    def once(n: int) -> None:
        got.append(n)
        offs[0]()

    offs.append(ls.add(once))
    ls.add(lambda n: got.append(-n))
    ls.emit(1)
    ls.emit(2)
    assert got == [1, -1, -2]
