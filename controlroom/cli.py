"""The ``controlroom`` command: the app, ``demo``, ``doctor`` and ``verify``.

Imports are done late, per command, so that ``controlroom doctor`` and
``controlroom demo --serve-only`` start without loading the widgets.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from controlroom import __version__


def _add_tls(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ca", metavar="FILE", help="also trust this CA bundle (PEM) for the platform's certificate")
    p.add_argument("--insecure", action="store_true", help="do not verify the platform's certificate (testing only)")


def _verify(args: argparse.Namespace) -> bool | str:
    if args.insecure:
        return False
    return args.ca or True


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="controlroom", description="ControlRoom video-wall client")
    p.add_argument("--version", action="version", version=f"ControlRoom {__version__}")
    p.add_argument("--url", help="platform address: https://platform.example:8443 (ControlRoom API), "
                   "wvp+http://host:18080 (wvp-GB28181-pro) or a camera file cameras.toml")
    p.add_argument("--user", help="user name (the password comes from the keyring, a prompt or CONTROLROOM_PASSWORD)")
    p.add_argument("--lang", help="user-interface language: zh_CN or en (default: the system's)")
    p.add_argument("--view", help="open this saved view on the wall (default: the last one)")
    p.add_argument("--debug", action="store_true",
                   help="log everything, libVLC's own detail included, to the log file and stderr")
    _add_tls(p)
    sub = p.add_subparsers(dest="command")

    d = sub.add_parser("demo", help="run the embedded demo platform (and open the app on it)")
    d.add_argument("--serve-only", action="store_true", help="only run the platform; print its URL; run until interrupted")
    d.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    d.add_argument("--port", type=int, default=0, help="API port (default: a free one)")
    d.add_argument("--rtsp-port", type=int, default=0, help="RTSP port (default: a free one)")
    d.add_argument("--media-port", type=int, default=0, help="HTTP video port (default: a free one)")
    d.add_argument("--event-rate", type=float, default=2.0, help="simulated events per second (default 2)")
    d.add_argument("--token-ttl", type=int, default=3600, help="access-token lifetime in seconds")
    d.add_argument("--heartbeat", type=float, default=5.0,
                   help="seconds between event-stream heartbeats (clients give up after three missed)")
    d.add_argument("--no-video", action="store_true", help="no media server (API only)")
    d.add_argument("--no-gop-cache", action="store_true",
                   help="start each viewer where the stream is, as a camera without a GOP cache does "
                        "(the picture waits for the next key frame)")
    d.add_argument("--test-hooks", action="store_true", help="serve /_test endpoints that tests use to steer the platform")
    d.add_argument("--lang", dest="demo_lang", help="user-interface language for the app")
    d.add_argument("--debug", dest="demo_debug", action="store_true", help="the same as controlroom --debug")
    d.add_argument("--layout", type=int, choices=[1, 4, 6, 8, 9, 10, 13, 16, 25, 36, 64], metavar="N",
                   help="open a wall of the first N demo cameras (N: 1, 4, 6, 8, 9, 10, 13, 16, 25, 36 or 64)")
    d.add_argument("--tls-cert", type=Path, help="serve the API over HTTPS with this certificate (PEM)")
    d.add_argument("--tls-key", type=Path, help="the certificate's private key (PEM)")
    d.add_argument("--audit-db", type=Path, help="keep the audit trail in this SQLite file "
                   "(default: a temporary one, gone when the platform stops)")

    disp = sub.add_parser("display", help="run a meeting display: full screen, logs in by itself, shows what it is sent")
    disp.add_argument("--name", dest="display_name",
                      help="the display's name on the platform, e.g. 会议室投影 (or CONTROLROOM_DISPLAY_NAME)")
    disp.add_argument("--screen", type=int, help="the screen to fill, counted from 0 (default: the primary one)")
    disp.add_argument("--url", dest="display_url", help="platform address (or CONTROLROOM_URL)")
    disp.add_argument("--user", dest="display_user",
                      help="user to log in as (or CONTROLROOM_USER; password: CONTROLROOM_PASSWORD or the keyring)")
    disp.add_argument("--lang", dest="display_lang", help="user-interface language: zh_CN or en")
    _add_tls(disp)

    doc = sub.add_parser("doctor", help="check this machine and, optionally, a platform")
    doc.add_argument("--platform", help="platform address to check")
    doc.add_argument("--user", dest="doctor_user", help="user to log in as (password: keyring, prompt or CONTROLROOM_PASSWORD)")
    doc.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    doc.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a first frame")
    _add_tls(doc)

    ver = sub.add_parser("verify", help="check an evidence export against its manifest (exit 0: it matches)")
    ver.add_argument("export_dir", metavar="EXPORT_DIR", type=Path, help="the folder with manifest.json and the clips")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "verify":
        return _verify_export(args.export_dir)
    if not (args.command == "demo" and args.serve_only):
        # the doctor too: libVLC's errors in the log say why a transport failed; its stdout stays clean
        start_logging(debug=args.debug or getattr(args, "demo_debug", False), console=args.command != "doctor")
    if args.command == "doctor":
        from controlroom.doctor import run_doctor

        return run_doctor(
            platform=args.platform, user=args.doctor_user, as_json=args.json, verify=_verify(args), timeout=args.timeout
        )
    if args.command == "demo":
        return _demo(args)
    if args.command == "display":
        from controlroom.ui.display import run_display

        return run_display(url=args.display_url or args.url, username=args.display_user or args.user,
                           name=args.display_name, language=args.display_lang or args.lang, verify=_verify(args),
                           screen=args.screen)
    return _app(
        url=args.url, username=args.user, password=os.environ.get("CONTROLROOM_PASSWORD"), language=args.lang,
        verify=_verify(args), view=args.view,
    )


def _verify_export(folder: Path) -> int:
    """``controlroom verify``: 0 all files match, 1 a file differs or is missing, 2 no usable manifest."""
    from controlroom.playback.manifest import verify

    verdict = verify(folder)
    for line in verdict.lines():
        print(line)
    return verdict.code


def start_logging(*, debug: bool, console: bool = True) -> None:
    """The log file, masking filter and crash hooks, before anything else runs (``controlroom.logs``)."""
    from controlroom import crash, logs, settings

    conf = settings.shared()
    setup = logs.setup(level=conf.get("log.level"), debug=debug, console=console)
    setup.follow(conf)  # the Settings dialog's log.level takes effect at once
    crash.install()


def _app(
    *, url: str | None, username: str | None, password: str | None, language: str | None, verify: bool | str = True,
    view: str | None = None, layout: int | None = None, demo: bool = False,
) -> int:
    from controlroom.ui.app import run_app

    return run_app(url=url, username=username, password=password, language=language, verify=verify,
                   view=view, layout=layout, demo=demo)


def _demo(args: argparse.Namespace) -> int:
    try:
        from controlroom.demo.platform import URL_LINE, DemoOptions, die_with_parent, serve_forever
    except ModuleNotFoundError as exc:
        # The workstation bundle leaves the demo platform out (build_installer.spec).
        if not (exc.name or "").startswith(("controlroom.demo", "aiohttp")):
            raise
        print("The demo platform is not part of this installation; run 'controlroom demo' "
              "from a checkout (see README.md).", file=sys.stderr)
        return 2

    if args.serve_only:
        return serve_forever(
            DemoOptions(
                host=args.host, port=args.port, rtsp_port=args.rtsp_port, media_port=args.media_port,
                event_rate=args.event_rate, token_ttl=args.token_ttl, test_hooks=args.test_hooks,
                video=not args.no_video, tls_cert=args.tls_cert, tls_key=args.tls_key,
                gop_cache=not args.no_gop_cache, keepalive=max(0.2, args.heartbeat),
                audit_db=args.audit_db,
            )
        )
    # The platform runs in its own process so that serving video never
    # competes with the app's GUI thread.
    cmd = [sys.executable, "-m", "controlroom", "demo", "--serve-only", "--port", str(args.port),
           "--event-rate", str(args.event_rate)]
    if args.no_video:
        cmd.append("--no-video")
    if args.audit_db is not None:
        cmd += ["--audit-db", str(args.audit_db)]
    print("Starting the demo platform (the first start prepares its video, about a minute)...", file=sys.stderr)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, preexec_fn=die_with_parent)
    try:
        url = None
        deadline = time.monotonic() + 600
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith(URL_LINE):
                url = line[len(URL_LINE):].strip()
                break
        if url is None:
            print("The demo platform did not start; see the messages above.", file=sys.stderr)
            return 1
        return _app(url=url, username="dispatcher", password="dispatch123", language=args.demo_lang or args.lang,
                    view=args.view, layout=args.layout, demo=True)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
