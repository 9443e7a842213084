"""controlroom.permissions and controlroom.identity: what each role may do, and who it is in words.

Pure functions over the platform's own types (the demo's users, as the demo
platform sends them: ``DemoUser.to_user``) and a real inventory built from the
demo network; no display, no platform needed.
"""

from __future__ import annotations

import pytest

from controlroom.api.schema import Role, Scope, Site, SiteKind, Tier, Transport, User
from controlroom.backends import address
from controlroom.backends.api_v1 import ApiV1Backend
from controlroom.backends.base import Capability
from controlroom.backends.static_file import StaticFileBackend
from controlroom.backends.wvp import WvpBackend
from controlroom.demo.network import build_network
from controlroom.identity import MAX_NAME, describe, town_names
from controlroom.inventory import Inventory
from controlroom.permissions import Action, denied, denied_in, needs

NET = build_network(lambda cid, profile: {Transport.HTTP_TS: f"http://127.0.0.1:1/{cid}/{profile}.ts"})
USERS = {u.username: u.to_user() for u in NET.users}
DISPATCHER, PRESENTER, WUTAI = USERS["dispatcher"], USERS["presenter"], USERS["town03"]
ALL = ApiV1Backend.capabilities


def inventory() -> Inventory:
    inv = Inventory()
    inv.replace(NET.sites, NET.cameras, NET.grids, version=1)
    return inv


def test_dispatcher_may_do_everything_on_api_v1() -> None:
    assert {a: denied(DISPATCHER, ALL, a) for a in Action} == dict.fromkeys(Action)


def test_presenter_only_views() -> None:
    reasons = {a: denied(PRESENTER, ALL, a) for a in Action}
    assert reasons.pop(Action.PLAY_BACK) is None, "presenters play recordings back"
    assert all(r is not None and r.startswith("This login is a presenter (view only)") for r in reasons.values())
    assert reasons[Action.ACKNOWLEDGE_ALERT] == "This login is a presenter (view only): it may not acknowledge alerts."
    assert reasons[Action.STEER_PTZ] == "This login is a presenter (view only): it may not steer cameras."


def test_town_desk_works_on_its_town() -> None:
    reasons = {a: denied(WUTAI, ALL, a) for a in Action}
    county_only = {Action.PUSH_TO_DISPLAY, Action.VIEW_AUDIT, Action.MUTE_OTHERS, Action.EDIT_SHARED_VIEWS}
    assert {a for a, r in reasons.items() if r is not None} == county_only
    assert reasons[Action.PUSH_TO_DISPLAY] == (
        "Only the county dispatch may send to the meeting displays; a town desk works on its own town.")
    assert reasons[Action.MUTE_OTHERS] == (
        "Only the conference's chair (the county dispatch) mutes others; you may mute only yourself.")


def test_per_item_rules() -> None:
    # bookmarks: a town desk deletes its own, a dispatcher any
    assert denied(WUTAI, ALL, Action.DELETE_BOOKMARK, author="town03") is None
    assert denied(WUTAI, ALL, Action.DELETE_BOOKMARK, author="town05") == (
        "Only the bookmark's author or a county dispatcher may delete it.")
    assert denied(DISPATCHER, ALL, Action.DELETE_BOOKMARK, author="town05") is None
    # a dispatcher who does not chair this room mutes only itself
    assert denied(DISPATCHER, ALL, Action.MUTE_OTHERS, chair="dispatcher") is None
    assert denied(DISPATCHER, ALL, Action.MUTE_OTHERS, chair="other") == (
        "Only the conference's chair mutes others; you may mute only yourself.")
    assert denied(DISPATCHER, ALL, Action.MUTE_OTHERS, chair=None) is None, "no chair said: the platform decides"


def test_the_backend_can_forbid_what_the_role_allows() -> None:
    wvp, camera_file = WvpBackend.capabilities, StaticFileBackend.capabilities
    assert denied(DISPATCHER, wvp, Action.ACKNOWLEDGE_ALERT) == (
        "This platform does not take acknowledgements: its alarms are shown only.")
    assert denied(DISPATCHER, wvp, Action.STEER_PTZ) is None
    assert denied(DISPATCHER, camera_file, Action.STEER_PTZ) == "This platform does not steer cameras."
    assert denied(DISPATCHER, camera_file, Action.PUSH_TO_DISPLAY) == "This platform drives no meeting displays."
    assert denied(DISPATCHER, camera_file, Action.VIEW_AUDIT) == "This platform keeps no operator audit trail."
    # the platform's lack comes first: no role could do it there
    assert denied(PRESENTER, frozenset(), Action.ACKNOWLEDGE_ALERT) == (
        "This platform does not take acknowledgements: its alarms are shown only.")
    assert denied(PRESENTER, None, Action.EXPORT_RECORDING) is not None, "capabilities unknown: the role still counts"
    for action in Action:
        need = needs(action)
        if need is not None:
            assert denied(DISPATCHER, frozenset(Capability) - {need}, action) is not None, action


def test_not_signed_in_and_view_only_logins() -> None:
    assert {denied(None, ALL, a) for a in Action} == {"Not signed in."}
    assert denied_in(None, Action.STEER_PTZ) == "Not signed in."
    watcher = User(username="u", display_name="u", role=Role.TOWN_DESK, scope=Scope(towns=[3]), can_control=False)
    assert denied(watcher, ALL, Action.STEER_PTZ) == "The platform lets this login view only: it may not steer cameras."
    assert denied(watcher, ALL, Action.EXPORT_RECORDING) is None


def test_who_is_logged_in() -> None:
    inv = inventory()
    assert describe(WUTAI, address.API_V1, inv).line() == "武台镇派出所值班台 · town desk · 武台镇 only"
    assert describe(WUTAI, address.API_V1, None).line() == "武台镇派出所值班台 · town desk · town 3 only", \
        "before the inventory is in"
    assert describe(DISPATCHER, address.API_V1, inv).line() == "县指挥中心调度员 · county dispatch · whole county"
    assert describe(PRESENTER, address.API_V1, inv).line() == "会商大屏 · presenter · view only"
    assert describe(DISPATCHER, address.WVP, inv).line() == "县指挥中心调度员 · WVP admin · whole platform"
    assert describe(DISPATCHER, address.STATIC_FILE).line() == "县指挥中心调度员 · camera file · every camera in the file"
    assert describe(None).line() == "not signed in"
    several = User(username="x", display_name="x", role=Role.TOWN_DESK, scope=Scope(towns=[3, 5, 1, 2]))
    assert describe(several, address.API_V1, inv).scope == "武台镇, 柏林镇, 平邑街道 and 1 more only"


@pytest.mark.parametrize("name", ["<b>big</b>\nline", "x" * 10_000, "evil\u202etxt.exe"])
def test_platform_names_are_bounded_and_plain(name: str) -> None:
    user = User(username="u", display_name=name, role=Role.TOWN_DESK, scope=Scope(towns=[99]))
    ident = describe(user, address.API_V1, inventory())
    assert len(ident.name) <= MAX_NAME and "\n" not in ident.name and "\u202e" not in ident.name
    assert ident.scope == "town 99 only", "a town the inventory does not know"


def test_town_names_from_the_inventory() -> None:
    inv = Inventory()
    site = Site(id="37132600002000000001", name="Lonely Station", tier=Tier.TOWN, kind=SiteKind.POLICE_STATION,
                parent_id=None, town=7, online=True)
    inv.replace([site], [], [], version=1)
    assert town_names(inv, [7]) == ["Lonely Station"], "one site: its whole name"
    assert town_names(inventory(), [3, 14]) == ["武台镇", "丰阳镇"]
