"""The one stream picker: which profile of a camera, over which transport, this machine plays.

The main wall and the conference wall both ask here (``VideoCoordinator``
does, for every tile it starts). A camera offers profiles (main, sub), each
with URLs per transport, or none at all when the backend answers its URLs
only at play time (WVP). The picker takes the profile asked for when it
plays here, else the others, smallest first; the transport is the
operator's order among those this libVLC plays (``local_choice``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from controlroom.api.schema import StreamProfile, Transport
from controlroom.video.transports import local_choice

Choose = Callable[[dict[Transport, str]], tuple[Transport, str] | None]

AT_PLAY_TIME = "(at play time)"  # the stand-in URL of a profile whose URLs come at play time


@dataclass(frozen=True)
class StreamChoice:
    """A profile and the transport to play it over."""

    profile: str
    transport: Transport
    #: every transport playable here, best first, when the URLs come only at play time (WVP);
    #: the lease takes the first one the platform offers. None: the profile lists its URLs.
    alternatives: tuple[Transport, ...] | None = None
    public_url: str = ""  # the profile's URL over ``transport`` ("" when it comes at play time)


def pick_stream(profiles: Sequence[StreamProfile], wanted: str | None, choose: Choose = local_choice) -> StreamChoice | None:
    """The profile ``wanted`` (if offered and playable here), else the others smallest first.

    None when no profile offers a transport this machine can play."""
    ordered = sorted(profiles, key=lambda p: (p.name != wanted, p.width * p.height))
    for profile in ordered:
        if not profile.urls:
            offered: dict[Transport, str] = dict.fromkeys(Transport, AT_PLAY_TIME)
            order: list[Transport] = []
            while (pick := choose(offered)) is not None:
                order.append(pick[0])
                del offered[pick[0]]
            if order:
                return StreamChoice(profile.name, order[0], tuple(order))
            continue
        chosen = choose(dict(profile.urls))
        if chosen is not None:
            return StreamChoice(profile.name, chosen[0], None, chosen[1])
    return None


def offered_transports(profiles: Sequence[StreamProfile]) -> list[str]:
    """The transports a camera offers at all (for the words when none plays here)."""
    return sorted({t.value for p in profiles for t in p.urls})
