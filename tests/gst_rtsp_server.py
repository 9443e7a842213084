"""An independent RTSP server for tests: GStreamer's rtsp-server from Debian (not the demo's own).

Run by the SYSTEM Python (``/usr/bin/python3`` with ``python3-gi`` and
``gir1.2-gst-rtsp-server-1.0``; the project's venv has no PyGObject):

    /usr/bin/python3 tests/gst_rtsp_server.py --port 0 [--user U --password P] /path=clip.ts ...

Each path serves one MPEG-TS clip (H.264) through ``tsdemux`` (raw H.264 has
no timestamps and stalls players), one pipeline per client, from the clip's
start. With ``--user``, clients must authenticate (Basic). The server prints
``RTSP_PORT=<n>`` once it listens on 127.0.0.1 and runs until stdin closes
(so it dies with the test that started it) or it is terminated.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--user")
    ap.add_argument("--password")
    ap.add_argument("mounts", nargs="+", help="/path=file.ts")
    args = ap.parse_args()
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    auth = None
    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "viewer")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password or ""), token)
        server.set_auth(auth)
    for mount in args.mounts:
        path, _, clip = mount.partition("=")
        if not os.path.isfile(clip):
            print(f"no such clip: {clip}", file=sys.stderr)
            return 2
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(
            f'( filesrc location="{clip}" ! tsdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )'
        )
        factory.set_shared(False)
        if auth is not None:
            permissions = GstRtspServer.RTSPPermissions()
            permissions.add_permission_for_role("viewer", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
            permissions.add_permission_for_role("viewer", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
            factory.set_permissions(permissions)
        mounts.add_factory(path, factory)
    loop = GLib.MainLoop()
    if server.attach(None) == 0:
        print("could not listen", file=sys.stderr)
        return 1
    print(f"RTSP_PORT={server.get_bound_port()}", flush=True)

    def watch_stdin() -> None:  # the parent went away: stop
        sys.stdin.read()
        GLib.idle_add(loop.quit)

    threading.Thread(target=watch_stdin, daemon=True).start()
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
