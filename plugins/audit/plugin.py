"""The audit pane as a plugin: the operator audit trail for dispatchers, filtered, paged, exported as CSV.

It reads ``GET /api/v1/audit`` a page at a time (``PAGE`` entries; the table
asks for the next page when the operator scrolls to its end) and writes
"Export CSV…" from every page that matches (up to ``api.MAX_EXPORT``). Only
dispatchers read the trail (the platform answers 403 to anyone else): for
other accounts the pane is greyed and says why. On a platform without an
audit trail (WVP, a camera file: no ``Capability.AUDIT``) the plugin is not
started, and the Plugins dialog says so.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from controlroom.plugins.audit.api import MAX_EXPORT, AuditQuery, csv_bytes
from controlroom.plugins.audit.widgets.model import AuditTableModel
from controlroom.plugins.audit.widgets.pane import AuditPane
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog

from controlroom.api.errors import PlatformError
from controlroom.api.schema import AuditEntry
from controlroom.permissions import Action
from controlroom.plugin_api import Plugin, PluginContext
from controlroom.storage import atomic_write

__all__ = ["AuditPlugin"]

log = logging.getLogger("controlroom.plugins.audit")

#: entries per page while scrolling; an export asks for the largest pages the API allows
PAGE = 200
EXPORT_PAGE = 5000


class AuditPlugin(Plugin):
    NAME = "audit"
    TITLE = QT_TRANSLATE_NOOP("Audit", "Audit trail")
    TR_CONTEXT = "Audit"
    API_VERSION = (1, 1)
    REQUIRES_CAPABILITIES = ("audit",)

    def setup(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.session = ctx.session
        self.client = ctx.client
        self.model = AuditTableModel(self._camera_name, self.load_more)
        self.pane = AuditPane(self.model)
        self.model.setParent(self.pane)
        self.dock = ctx.add_dock(self.pane, QCoreApplication.translate("Audit", "Audit trail"), "bottom")
        self.query = AuditQuery()
        self._task: asyncio.Task[Any] | None = None
        #: finished loads (tests wait on it), and the last problem in words
        self.loads = 0
        self.problem = ""
        user = self.session.user if self.session is not None else None
        self.reason = ""
        if user is None or self.client is None:
            self.reason = QCoreApplication.translate("Audit", "Not signed in to a platform with an audit trail.")
        else:  # the role's and the platform's rule, in the words the whole app uses
            self.reason = ctx.denied(Action.VIEW_AUDIT) or ""
        if self.reason:
            self.pane.set_refused(self.reason)
            self.pane.set_status("")
            return
        self.pane.search_requested.connect(self.search)
        self.pane.export_requested.connect(self.ask_export)
        self.search()

    def teardown(self) -> None:
        if self._task is not None:
            self._task.cancel()

    # ------------------------------------------------------------------ loading

    def _camera_name(self, camera_id: str) -> str:
        inv = self.ctx.inventory
        cam = inv.cameras.get(camera_id) if inv is not None else None
        return cam.name if cam is not None else ""

    def resolve_camera(self, typed: str | None) -> tuple[str | None, str]:
        """(camera id, problem in words) for what the operator typed: an id, or (part of) one camera's name."""
        if not typed:
            return None, ""
        if len(typed) == 20 and typed.isascii() and typed.isdigit():
            return typed, ""
        inv = self.ctx.inventory
        matches = [c.id for c in inv.cameras.values() if typed in c.name][:2] if inv is not None else []
        if len(matches) == 1:
            return matches[0], ""
        if not matches:
            return None, QCoreApplication.translate("Audit", "No camera is named like “{text}”.").format(text=typed[:60])
        return None, QCoreApplication.translate("Audit", "Several cameras are named like “{text}”: type more of the name, or its id.").format(
            text=typed[:60])

    def search(self) -> None:
        """Load the first page for the pane's filters (what was shown goes)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()  # what it would bring belongs to the old filters
        wanted = self.pane.query()
        camera_id, problem = self.resolve_camera(wanted.camera_id)
        self.model.reset()
        if problem:
            self._show_problem(problem)
            self.loads += 1
            return
        self.query = AuditQuery(wanted.user, camera_id, wanted.action, wanted.start, wanted.end)
        self._start(self._load(0))

    def load_more(self) -> None:
        if self.model.next_offset is not None and not self.model.loading:
            self._start(self._load(self.model.next_offset))

    def _start(self, coro: Any) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self.ctx.start_task(coro, name="audit-load")

    async def _load(self, offset: int) -> None:
        assert self.client is not None
        self.model.loading = True
        self.pane.set_status(QCoreApplication.translate("Audit", "Loading…"))
        try:
            page = await self.client.audit(offset=offset, limit=PAGE, **self.query.params())  # type: ignore[arg-type]
        except PlatformError as exc:
            self._show_problem(str(exc))
            return
        finally:
            self.model.loading = False
            self.loads += 1
        self.problem = ""
        self.model.append_page(page.items, page.total, page.next_offset)
        self.pane.set_status(QCoreApplication.translate("Audit", "{shown} of {total} entries").format(shown=len(self.model.entries), total=page.total))

    def _show_problem(self, problem: str) -> None:
        self.problem = problem
        self.pane.set_status(problem)

    # ------------------------------------------------------------------ export

    def ask_export(self) -> None:
        stamp = self.query.end.strftime("%Y%m%d-%H%M") if self.query.end else "now"
        path, _filter = QFileDialog.getSaveFileName(self.pane, QCoreApplication.translate("Audit", "Export the audit trail"),
                                                    str(Path.home() / f"audit-{stamp}.csv"), QCoreApplication.translate("Audit", "CSV files (*.csv)"))
        if path:
            self._start(self.export_to(Path(path)))

    async def export_to(self, path: Path) -> int:
        """Every entry matching the current filters into ``path`` (CSV); how many; 0 and a message on failure."""
        assert self.client is not None
        entries: list[AuditEntry] = []
        offset: int | None = 0
        self.pane.set_status(QCoreApplication.translate("Audit", "Exporting…"))
        try:
            while offset is not None and len(entries) < MAX_EXPORT:
                page = await self.client.audit(offset=offset, limit=EXPORT_PAGE, **self.query.params())  # type: ignore[arg-type]
                entries += page.items
                if page.next_offset is not None and page.next_offset <= offset:
                    break  # a platform that pages backwards: stop, do not loop
                offset = page.next_offset
            data = csv_bytes(entries[:MAX_EXPORT], self._camera_name)
            await asyncio.to_thread(atomic_write, path, data)
        except (PlatformError, OSError) as exc:
            self._show_problem(QCoreApplication.translate("Audit", "The audit trail could not be exported: {error}").format(error=exc))
            return 0
        self.pane.set_status(QCoreApplication.translate("Audit", "Saved {n} entries to {file}.").format(n=min(len(entries), MAX_EXPORT),
                                                                      file=path.name))
        return min(len(entries), MAX_EXPORT)
