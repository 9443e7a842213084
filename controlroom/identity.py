"""Who is logged in, in the operator's words: name · role · scope, for the title and the status bar.

    武台镇派出所值班台 · town desk · 武台镇 only
    县指挥中心调度员 · county dispatch · whole county
    会商大屏 · presenter · view only
    admin · WVP admin · whole platform
    local · camera file · every camera in the file

The role comes from the platform (API v1's ``User.role``); WVP and a camera
file know no roles, so the words say what the login is there. A town desk's
scope is its towns' names from the inventory (the town-tier sites with that
town number), or "town N" until the inventory is in. Every piece is plain
text (the display name comes from the platform: bidi controls neutralised,
bounded in length); the UI still shows it through plain-text widgets.
QtCore only (translation).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from controlroom.api.schema import Role, Tier, User
from controlroom.backends import address
from controlroom.inventory import Inventory
from controlroom.textsafe import display_name

__all__ = ["MAX_NAME", "Identity", "describe", "town_names"]

#: A display name longer than this is cut (a hostile platform may send 10,000 characters).
MAX_NAME = 40


@dataclass(frozen=True)
class Identity:
    name: str  # the display name (or user name), safe and bounded
    role: str  # translated role words
    scope: str  # translated scope words ("" when there is nothing to say)
    role_key: str  # "dispatcher", "town_desk", "presenter", "wvp", "static_file", "none": for colours

    def line(self) -> str:
        """name · role · scope, the one line for the title and the status bar."""
        return " · ".join(part for part in (self.name, self.role, self.scope) if part)


def _bounded(text: str) -> str:
    text = " ".join(display_name(text).split())  # no line breaks or tabs in a one-line label
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def _common_start(names: list[str]) -> str:
    """The characters all ``names`` begin with."""
    first, last = min(names), max(names)  # the common start of the extremes is everyone's
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def town_names(inventory: Inventory | None, towns: list[int]) -> list[str]:
    """The names of ``towns`` (town numbers) from the inventory's town-tier sites.

    A town has several town-tier sites (武台镇派出所, 武台镇中心警务室): the town's
    name is their common beginning (武台镇) when it is at least two characters,
    else the first site's name; "town N" when the inventory does not know it.
    """
    by_town: dict[int, list[str]] = {}
    if inventory is not None:
        wanted = set(towns)
        for site in inventory.sites.values():
            if site.tier is Tier.TOWN and site.town in wanted:
                by_town.setdefault(site.town, []).append(site.name)
    names: list[str] = []
    for n in towns:
        sites = sorted(by_town.get(n, []))
        if not sites:
            names.append(QCoreApplication.translate("Identity", "town {n}").format(n=n))
            continue
        common = _common_start(sites).strip(" -·_") if len(sites) > 1 else ""
        names.append(_bounded(common if len(common) >= 2 else sites[0]))
    return names


def describe(user: User | None, backend: str = address.API_V1, inventory: Inventory | None = None) -> Identity:
    """Who ``user`` is on ``backend`` ("api_v1", "wvp", "static_file"), in words."""
    if user is None:
        return Identity(QCoreApplication.translate("Identity", "not signed in"), "", "", "none")
    name = _bounded(user.display_name or user.username)
    if backend == address.WVP:  # WVP's logins are its administrators; it knows no scope
        return Identity(name, QCoreApplication.translate("Identity", "WVP admin"),
                        QCoreApplication.translate("Identity", "whole platform"), "wvp")
    if backend == address.STATIC_FILE:  # no login at all: whoever runs the app
        return Identity(name, QCoreApplication.translate("Identity", "camera file"),
                        QCoreApplication.translate("Identity", "every camera in the file"), "static_file")
    role = user.role
    if role == Role.PRESENTER:
        return Identity(name, QCoreApplication.translate("Identity", "presenter"),
                        QCoreApplication.translate("Identity", "view only"), str(role))
    if role == Role.DISPATCHER:
        words = QCoreApplication.translate("Identity", "county dispatch")
    else:
        words = QCoreApplication.translate("Identity", "town desk")
    towns = user.scope.towns
    if towns is None:
        scope = QCoreApplication.translate("Identity", "whole county")
    elif not towns:
        scope = QCoreApplication.translate("Identity", "no town")
    else:
        shown = town_names(inventory, towns[:3])
        listed = QCoreApplication.translate("Identity", ", ").join(shown)
        if len(towns) > len(shown):
            listed = QCoreApplication.translate("Identity", "{towns} and {n} more").format(
                towns=listed, n=len(towns) - len(shown))
        scope = QCoreApplication.translate("Identity", "{towns} only").format(towns=listed)
    if not user.can_control:
        scope = QCoreApplication.translate("Identity", "{scope}, view only").format(scope=scope)
    return Identity(name, words, scope, str(role))
