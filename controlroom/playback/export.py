"""Evidence export: a recorded range of a camera to MP4, without re-encoding.

The platform streams the range as MPEG-TS (``Backend.export_stream``); a
worker thread remuxes it as it arrives into MP4 with PyAV (stream copy: the
very H.264 the platform recorded, packets untouched, ``+faststart``). Each
clip is written to a hidden temporary file in the export folder and renamed
when complete, so a crash or a cancel leaves no half-written clip; a
cancelled export removes the clips it had finished too (they would have no
manifest). The manifest is written last (``manifest.write``).

Progress is the share of the range the muxed packets have reached (by their
time stamps), over all cameras.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import logging
import os
import queue
import tempfile
import threading
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import av

from controlroom.api.client import paused_gc
from controlroom.playback.manifest import ClipEntry, Manifest, sha256_of

log = logging.getLogger(__name__)

#: the longest range one export may ask of the platform (playback contract: <= 1 hour)
MAX_RANGE = timedelta(hours=1)
#: the most bytes accepted for one clip (a hostile stream cannot fill the disk)
MAX_CLIP_BYTES = 4 << 30
#: chunks queued between the network and the remuxer
QUEUE_CHUNKS = 64


class ExportCancelled(Exception):
    """The operator cancelled; nothing of this export is left on disk."""


class ExportError(Exception):
    """The export failed; nothing of this export is left on disk. ``str()`` is words."""


@dataclass
class ExportJob:
    """What to export and where; ``names`` maps camera ids to display names (for the manifest)."""

    camera_ids: Sequence[str]
    start: datetime
    end: datetime
    folder: Path
    operator: str
    platform: str
    profile: str = "main"
    names: dict[str, str] = field(default_factory=dict)


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


def clip_name(camera_id: str, start: datetime, end: datetime) -> str:
    f = "%Y%m%dT%H%M%SZ"
    return f"{camera_id}_{start.strftime(f)}_{end.strftime(f)}.mp4"


class _QueueReader(io.RawIOBase):
    """A blocking file-like over a queue of bytes chunks (None = end); PyAV reads from it."""

    def __init__(self, q: queue.Queue[bytes | None], cancel: CancelToken) -> None:
        self.q = q
        self.cancel = cancel
        self.buf = b""
        self.eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self.buf and not self.eof:
            if self.cancel.cancelled:
                raise ExportCancelled
            try:
                chunk = self.q.get(timeout=0.2)
            except queue.Empty:
                continue
            if chunk is None:
                self.eof = True
            else:
                self.buf = chunk
        n = min(len(b), len(self.buf))
        b[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        return n


def remux(source: Any, dest: Path, *, duration: float, progress: Callable[[float], None],
          cancel: CancelToken) -> int:
    """MPEG-TS from ``source`` (a path or a file-like) to MP4 at ``dest``, stream copy. Returns the packets muxed."""
    packets = 0
    with av.open(source, mode="r", format="mpegts") as src, \
            av.open(str(dest), mode="w", format="mp4", options={"movflags": "+faststart"}) as out:
        streams = [s for s in src.streams if s.type in ("video", "audio")]
        if not any(s.type == "video" for s in streams):
            raise ExportError("the platform's stream has no video")
        mapping = {s.index: out.add_stream_from_template(s) for s in streams}
        first: float | None = None
        reported = -1.0  # progress goes out in steps of 0.5 % (each is a wake-up of the GUI loop)
        last_dts: dict[int, int] = {}
        for packet in src.demux(streams):
            if cancel.cancelled:
                raise ExportCancelled
            if packet.dts is None or packet.size == 0:
                continue  # a flush packet
            idx = packet.stream.index
            if idx in last_dts and packet.dts <= last_dts[idx]:
                continue  # a stream restarted behind itself (a gap in the recording): MP4 needs rising DTS
            last_dts[idx] = packet.dts
            if packet.stream.type == "video" and packet.pts is not None and packet.time_base is not None:
                t = float(packet.pts * packet.time_base)
                first = t if first is None else first
                f = min(1.0, max(0.0, (t - first) / duration)) if duration > 0 else 0.0
                if f - reported >= 0.005:
                    reported = f
                    progress(f)
            packet.stream = mapping[idx]
            out.mux(packet)
            packets += 1
    if packets == 0:
        raise ExportError("the platform sent no video for this range")
    return packets


async def export(backend: Any, job: ExportJob, *, progress: Callable[[float], None] | None = None,
                 cancel: CancelToken | None = None) -> Path:
    """Export every camera of ``job``; returns the manifest's path. Raises ExportCancelled or ExportError."""
    cancel = cancel or CancelToken()
    sink = progress or (lambda _f: None)
    shown = [-1.0]

    def report(f: float) -> None:
        # the remuxer's reports cross threads and may land late (after the next clip's, or the
        # end's): the bar only moves forward
        if f > shown[0]:
            shown[0] = f
            sink(f)

    if job.end <= job.start:
        raise ExportError("the range is empty")
    if job.end - job.start > MAX_RANGE:
        raise ExportError("the range is longer than one hour")
    job.folder.mkdir(parents=True, exist_ok=True)
    duration = (job.end - job.start).total_seconds()
    done: list[Path] = []
    manifest = Manifest(operator=job.operator, platform=job.platform, start=job.start, end=job.end)
    n = len(job.camera_ids)
    try:
        for i, cid in enumerate(job.camera_ids):
            def part(f: float, i: int = i) -> None:
                report((i + f) / n)

            name = clip_name(cid, job.start, job.end)
            final = job.folder / name
            if final.exists():
                raise ExportError(f"{name} already exists in {job.folder}")
            path, size, digest = await _one(backend, cid, job, final, duration, part, cancel)
            done.append(path)
            manifest.clips.append(ClipEntry(name, cid, job.names.get(cid, ""), job.start, job.end, job.profile,
                                            size, digest))
        if cancel.cancelled:
            raise ExportCancelled
        mpath = manifest.write(job.folder)
        report(1.0)
        return mpath
    except BaseException:
        for p in done:
            p.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _collect_on_this_thread() -> Iterator[None]:
    """No automatic garbage collection while a remuxing thread runs; collect here, before and after.

    A collection runs on whichever thread allocates when the threshold is passed: in the
    remuxer's thread it would free Qt objects (a closed dialog's timers, wrappers of a
    finished test) from the wrong thread, which crashed the suite once. Paused for the
    export (a remux is fast: seconds), collected on this, the GUI, thread around it.
    The same pause the inventory load takes (``api.client.paused_gc``).
    """
    gc.collect()
    try:
        with paused_gc():
            yield
    finally:
        gc.collect()


async def _one(backend: Any, camera_id: str, job: ExportJob, final: Path, duration: float,
               progress: Callable[[float], None], cancel: CancelToken) -> tuple[Path, int, str]:
    with _collect_on_this_thread():
        return await _one_paused(backend, camera_id, job, final, duration, progress, cancel)


async def _one_paused(backend: Any, camera_id: str, job: ExportJob, final: Path, duration: float,
                      progress: Callable[[float], None], cancel: CancelToken) -> tuple[Path, int, str]:
    loop = asyncio.get_running_loop()
    q: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUE_CHUNKS)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    os.close(fd)
    tmp = Path(tmp_name)

    def thread_progress(f: float) -> None:
        loop.call_soon_threadsafe(progress, f)

    def work() -> tuple[int, str]:
        reader = io.BufferedReader(_QueueReader(q, cancel), buffer_size=1 << 16)
        remux(reader, tmp, duration=duration, progress=thread_progress, cancel=cancel)
        return tmp.stat().st_size, sha256_of(tmp)

    worker = loop.run_in_executor(None, work)
    received = 0
    stream: AsyncIterator[bytes] = backend.export_stream(camera_id, job.start, job.end, job.profile)
    try:
        try:
            async for chunk in stream:
                if cancel.cancelled or worker.done():
                    break
                received += len(chunk)
                if received > MAX_CLIP_BYTES:
                    raise ExportError("the platform sent more than the export bound")
                while True:  # hand over without blocking the loop; the remuxer may be slower
                    try:
                        q.put_nowait(chunk)
                        break
                    except queue.Full:
                        if worker.done() or cancel.cancelled:
                            break
                        await asyncio.sleep(0.01)
        finally:
            with contextlib.suppress(Exception):
                aclose = getattr(stream, "aclose", None)
                if aclose is not None:
                    await aclose()
            await _put_end(q, worker)
        try:
            size, digest = await worker
        except ExportCancelled:
            raise
        except ExportError:
            raise
        except (av.FFmpegError, OSError, ValueError) as exc:
            if cancel.cancelled:
                raise ExportCancelled from exc
            raise ExportError(f"the recording could not be written as MP4: {exc}") from exc
        if cancel.cancelled:
            raise ExportCancelled
        os.replace(tmp, final)
        return final, size, digest
    except BaseException:
        cancel_worker = not worker.done()
        if cancel_worker:
            cancel.cancel()  # the worker stops at its next read or packet
            with contextlib.suppress(BaseException):
                await worker
        tmp.unlink(missing_ok=True)
        raise


async def _put_end(q: queue.Queue[bytes | None], worker: asyncio.Future[Any]) -> None:
    """The end of the stream, once the remuxer has room for it (or is gone)."""
    while not worker.done():
        try:
            q.put_nowait(None)
            return
        except queue.Full:
            await asyncio.sleep(0.01)
