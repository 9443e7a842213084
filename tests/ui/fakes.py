"""Stand-ins for ``controlroom.session.Session`` and ``controlroom.credentials`` in UI tests.

They follow the interfaces the UI codes against (see ui/app.py) and nothing more,
so widget tests need no platform and no keyring.
"""

from __future__ import annotations

from collections.abc import Callable

from controlroom.api.schema import Role, Scope, User
from controlroom.inventory import Inventory


class FakeSession:
    def __init__(self, base_url: str = "https://county.pingyi.example:8443", *, inventory: Inventory | None = None,
                 user: User | None = None, login_error: Exception | None = None) -> None:
        self.base_url = base_url
        self.inventory = inventory or Inventory()
        self.user = user
        self.state = "connected" if user else "disconnected"
        self.state_detail = ""
        self.login_error = login_error
        self.closed = False
        self._state_listeners: list[Callable[[str, str], None]] = []

    def on_state(self, cb: Callable[[str, str], None]) -> Callable[[], None]:
        self._state_listeners.append(cb)
        return lambda: self._state_listeners.remove(cb) if cb in self._state_listeners else None

    def set_state(self, state: str, detail: str = "") -> None:
        self.state, self.state_detail = state, detail
        for cb in list(self._state_listeners):
            cb(state, detail)

    async def login(self, username: str, password: str) -> User:
        if self.login_error is not None:
            raise self.login_error
        self.user = dispatcher(username)
        return self.user

    async def load_inventory(self, progress: Callable[[int, int], None] | None = None) -> None:
        return None

    def start_events(self) -> None:
        return None

    async def close(self) -> None:
        self.closed = True


def dispatcher(username: str = "zhangwei") -> User:
    return User(username=username, display_name="张伟", role=Role.DISPATCHER, scope=Scope(towns=None))


class NoKeyring:
    saved: dict[tuple[str, str], str]

    def __init__(self) -> None:
        self.saved = {}

    def keyring_available(self) -> bool:
        return False

    def keyring_backend_name(self) -> str:
        return "fail Keyring"

    def load_password(self, base_url: str, username: str) -> str | None:
        return None

    def save_password(self, base_url: str, username: str, password: str) -> bool:
        return False


class MemoryKeyring(NoKeyring):
    def keyring_available(self) -> bool:
        return True

    def keyring_backend_name(self) -> str:
        return "memory"

    def load_password(self, base_url: str, username: str) -> str | None:
        return self.saved.get((base_url, username))

    def save_password(self, base_url: str, username: str, password: str) -> bool:
        self.saved[(base_url, username)] = password
        return True
