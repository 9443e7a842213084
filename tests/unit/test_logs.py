"""The log set-up: one masking filter on every record, the ring buffer, rotation, levels, --debug.

Real logging, real files in a temporary folder; libVLC's side is in
tests/integration/test_libvlc_log.py, the crash dialog in tests/ui/test_crash_dialog.py.
"""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from controlroom import cli, crash, logs, settings
from controlroom.logsafe import mask_text

SECRETS = ("Cam3ra!pw", "SEKRET-tok", "T-ticket-99", "abcdefgh.ijklmnop.qrst", "hunter2")


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[logs.LogSetup]:
    s = logs.setup(level="info", directory=tmp_path / "logs", console=False, qt=False)
    try:
        yield s
    finally:
        s.close()


def read_log(s: logs.LogSetup) -> str:
    assert s.path is not None
    for h in s.handlers:
        h.flush()
    return s.path.read_text(encoding="utf-8")


def test_mask_text_covers_headers_dicts_tickets_and_bare_userinfo() -> None:
    assert mask_text("Authorization: Bearer abcdefgh.ijklmnop.qrst") == "Authorization: Bearer ***"
    assert mask_text("{'authorization': 'Basic dXNlcjpwYXNz'}") == "{'authorization': 'Basic ***'}"
    assert mask_text("access-token: eyJhbGciOiJIUzI1NiJ9") == "access-token: ***"
    assert mask_text('{"access_token": "a1", "refresh_token": "r2", "expires_in": 60}') == (
        '{"access_token": "***", "refresh_token": "***", "expires_in": 60}')
    assert mask_text("http://h/live.ts?ticket=T-ticket-99&x=1") == "http://h/live.ts?ticket=***&x=1"
    # libVLC logs a URL's parts without the scheme
    assert mask_text("location='admin:p@ss@10.0.0.1:554/ch1'") == "location='admin:***@10.0.0.1:554/ch1'"
    assert mask_text("failed: Bearer abcdefghijkl") == "failed: Bearer ***"
    assert mask_text("Token(access_token='a1', refresh_token=\"r2\", expires_in=60)") == (
        "Token(access_token='***', refresh_token=\"***\", expires_in=60)")
    assert mask_text("at 12:30 the camera came back; user:admin") == "at 12:30 the camera came back; user:admin"
    masked = mask_text("rtsp://u:***@h/x?token=***")
    assert mask_text(masked) == masked  # idempotent: masking twice changes nothing


def test_every_record_is_masked_whatever_logger_handler_or_argument(setup: logs.LogSetup) -> None:
    # a handler someone adds later, on a library's logger, without our filter
    late = io.StringIO()
    late_handler = logging.StreamHandler(late)
    late_handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    lib = logging.getLogger("somelibrary.http")
    lib.addHandler(late_handler)
    try:
        logging.getLogger("controlroom.video.player").info(
            "tile 3 plays %s", "rtsp://admin:Cam3ra!pw@10.1.2.3:554/ch1?token=SEKRET-tok")
        lib.warning("GET %s headers=%r", "http://p/api?ticket=T-ticket-99",
                    {"Authorization": "Bearer abcdefgh.ijklmnop.qrst"})
        try:
            raise ValueError("login refused for http://op:hunter2@platform.example/")
        except ValueError:
            logging.getLogger("controlroom.session").exception("session failed (token=SEKRET-tok)")
        logging.getLogger("x").warning("where: %s", "token=SEKRET-tok", stack_info=True)
        logging.getLogger("x").error("bad args %s %s", "only one")  # unformattable: still masked, still logged
    finally:
        lib.removeHandler(late_handler)
    text = read_log(setup)
    ring = "\n".join(setup.ring.lines())
    for where in (text, ring, late.getvalue()):
        for secret in SECRETS:
            assert secret not in where, (secret, where)
    assert "rtsp://admin:***@10.1.2.3:554/ch1?token=***" in text
    assert "http://p/api?ticket=***" in late.getvalue() and "Bearer ***" in late.getvalue()
    assert "ValueError: login refused for http://op:***@platform.example/" in text  # the traceback, masked
    assert "bad args" in text


def test_the_ring_buffer_keeps_the_last_lines(tmp_path: Path) -> None:
    s = logs.setup(level="info", directory=tmp_path, console=False, qt=False, ring_lines=5)
    try:
        for i in range(12):
            logging.getLogger("controlroom.test").info("line %d", i)
        lines = s.ring.lines()
        assert len(lines) == 5
        assert [ln.rsplit(" ", 1)[-1] for ln in lines] == ["7", "8", "9", "10", "11"]
        assert s.ring.lines(2)[-1].endswith("line 11")
    finally:
        s.close()


def test_the_log_file_rotates_and_keeps_a_bounded_history(tmp_path: Path) -> None:
    s = logs.setup(level="info", directory=tmp_path, console=False, qt=False, max_bytes=4000, backups=2)
    try:
        for i in range(400):
            logging.getLogger("controlroom.test").info("camera %05d came online %s", i, "x" * 40)
    finally:
        s.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["controlroom.log", "controlroom.log.1", "controlroom.log.2"]
    assert all((tmp_path / n).stat().st_size <= 4000 for n in names)
    assert "camera 00399" in (tmp_path / "controlroom.log").read_text()  # the newest is in the live file


def test_an_unwritable_log_folder_leaves_memory_logging_and_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    s = logs.setup(level="info", directory=blocker / "logs", console=False, qt=False)
    try:
        assert s.path is None and s.problem and "cannot be written" in s.problem
        logging.getLogger("controlroom.test").info("still kept")
        assert any("still kept" in ln for ln in s.ring.lines())
    finally:
        s.close()


def test_the_level_follows_the_setting_at_once_and_debug_wins(tmp_path: Path) -> None:
    conf = settings.shared()
    s = logs.setup(level=conf.get("log.level"), directory=tmp_path, console=False, qt=False)
    try:
        s.follow(conf)
        log = logging.getLogger("controlroom.test")
        log.debug("hidden detail")
        conf.set("log.level", "debug")
        log.debug("shown detail")
        conf.set("log.level", "warning")
        log.info("hidden info")
        text = read_log(s)
        assert "hidden detail" not in text and "shown detail" in text and "hidden info" not in text
        assert logging.getLogger("qasync").getEffectiveLevel() >= logging.INFO  # never its per-callback chatter
    finally:
        s.close()
    forced = logs.setup(level="warning", debug=True, directory=tmp_path, console=False, qt=False)
    try:
        forced.set_level("warning")  # the setting cannot lower --debug
        assert logging.getLogger().level == logging.DEBUG
    finally:
        forced.close()


def test_debug_on_the_command_line_raises_the_level(monkeypatch: pytest.MonkeyPatch, config_dir: Path) -> None:
    assert cli.build_parser().parse_args(["demo", "--debug"]).demo_debug
    started: list[dict] = []
    # the app itself cannot start in a unit test: only the last step is replaced
    monkeypatch.setattr(cli, "_app", lambda **kw: started.append(kw) or 0)
    for argv, level in ((["--url", "http://p.example"], logging.INFO), (["--debug"], logging.DEBUG)):
        try:
            assert cli.main(argv) == 0
            s = logs.current()
            assert s is not None and s.level == level and logging.getLogger().level == level
            assert s.path == config_dir / "logs" / logs.LOG_FILE
            assert s.debug == (level == logging.DEBUG)
        finally:
            crash.uninstall()
            if logs.current() is not None:
                logs.current().close()  # type: ignore[union-attr]
    assert len(started) == 2


def test_the_log_lives_in_the_log_folder_tests_point_elsewhere(monkeypatch: pytest.MonkeyPatch, config_dir: Path) -> None:
    from controlroom import paths

    assert paths.log_dir() == config_dir / "logs"  # tests/conftest.py: never the user's own
    monkeypatch.delenv("CONTROLROOM_LOG_DIR")
    assert paths.log_dir().name.lower() in ("log", "logs")


# the warning is this test's own, on purpose (qt_log_level_fail covers every test)
@pytest.mark.qt_log_ignore("cannot open http")
def test_qt_messages_go_through_the_same_filter(tmp_path: Path) -> None:
    from PySide6.QtCore import qWarning

    s = logs.setup(level="info", directory=tmp_path, console=False, qt=True)
    try:
        qWarning("cannot open http://u:hunter2@h/x?token=SEKRET-tok")
        text = read_log(s)
    finally:
        s.close()
    assert "WARNING" in text and " qt: cannot open http://u:***@h/x?token=***" in text
    assert "hunter2" not in text and "SEKRET-tok" not in text


def test_the_rate_limiter_holds_back_repeats_and_counts_them() -> None:
    rl = logs.RateLimiter(per_window=3, window=60.0)
    got = [rl.allow("late picture", t) for t in (0, 1, 2, 3, 4, 5)]
    assert got == [(True, 0)] * 3 + [(False, 0)] * 3
    assert rl.allow("another kind", 6) == (True, 0)
    assert rl.allow("late picture", 61) == (True, 3)  # the next window reports what was held back
    bounded = logs.RateLimiter(max_keys=4)
    for i in range(100):
        bounded.allow(i, 0)
    assert len(bounded._state) <= 4


def test_a_thread_crash_is_logged_masked_and_counted(setup: logs.LogSetup) -> None:
    handler = crash.install()
    try:
        def work() -> None:
            raise RuntimeError("stream http://op:hunter2@cam/x?token=SEKRET-tok died")

        for _ in range(2):
            t = threading.Thread(target=work, name="probe-thread")
            t.start()
            t.join()
        text = read_log(setup)
        assert "uncaught exception in thread probe-thread" in text
        assert "RuntimeError: stream http://op:***@cam/x?token=***" in text
        assert "hunter2" not in text and "SEKRET-tok" not in text
        assert list(handler.counts.values()) == [2] and len(handler.crashes) == 1
        report = handler.report(handler.crashes[0])
        assert "== Versions ==" in report and "== Doctor (this machine) ==" in report
        assert "hunter2" not in report and "SEKRET-tok" not in report
        assert "uncaught exception in thread probe-thread" in report  # the last log lines
    finally:
        crash.uninstall()


def test_the_doctor_logs_to_the_file_and_keeps_stdout_for_its_report(config_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "controlroom", "doctor", "--json"], capture_output=True, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120, stdin=subprocess.DEVNULL, check=False,
    )
    report = json.loads(out.stdout)  # nothing but the report on stdout
    assert report["libvlc"]["ok"], report
    log_file = config_dir / "logs" / logs.LOG_FILE
    assert "controlroom.logs: ControlRoom starting" in log_file.read_text(encoding="utf-8")
