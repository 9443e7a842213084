"""The export dialog: a time range, the cameras, a folder; a progress bar and Cancel.

The work is ``controlroom.playback.export.export`` (stream copy to MP4,
temporary files, the manifest); the dialog only asks, shows and cancels.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from controlroom.ui import text as ui_text
from controlroom.ui.playback.bar import from_qdatetime, to_qdatetime
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controlroom.playback import export as ex


class ExportDialog(QDialog):
    def __init__(self, backend: Any, cameras: list[tuple[str, str]], start: datetime, end: datetime, *,
                 operator: str, platform: str, folder: Path, parent: QWidget | None = None,
                 on_exported: Callable[[ex.ExportJob, Path], None] | None = None) -> None:
        super().__init__(parent)
        #: called after a finished export (the audit trail's "exported")
        self.on_exported = on_exported
        self.setWindowTitle(self.tr("Export recorded video"))
        self.setObjectName("playbackExportDialog")
        self.backend = backend
        self.operator, self.platform = operator, platform
        self.token: ex.CancelToken | None = None
        self.task: asyncio.Task[Path | None] | None = None
        self.result_path: Path | None = None
        self.start_edit = QDateTimeEdit(to_qdatetime(start), self)
        self.end_edit = QDateTimeEdit(to_qdatetime(end), self)
        for e in (self.start_edit, self.end_edit):
            e.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
            e.setCalendarPopup(True)
        self.cameras = QListWidget(self)
        for cid, name in cameras:
            item = QListWidgetItem(ui_text.name(name or cid))
            item.setData(Qt.ItemDataRole.UserRole, cid)
            item.setData(Qt.ItemDataRole.UserRole + 1, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.cameras.addItem(item)
        self.folder = QLineEdit(str(folder), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        frow = QHBoxLayout()
        frow.addWidget(self.folder, 1)
        frow.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        form.addRow(self.tr("Cameras"), self.cameras)
        form.addRow(self.tr("Folder"), frow)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("exportStart")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("exportCancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addLayout(buttons)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.folder.text())
        if path:
            self.folder.setText(path)

    def job(self) -> ex.ExportJob | str:
        """The job, or what is wrong with the form (words)."""
        start, end = from_qdatetime(self.start_edit.dateTime()), from_qdatetime(self.end_edit.dateTime())
        if end <= start:
            return self.tr("The end must come after the start.")
        if end - start > ex.MAX_RANGE:
            return self.tr("Export at most one hour at a time.")
        if end > datetime.now(UTC) + timedelta(seconds=5):
            return self.tr("The range reaches into the future.")
        ids, names = [], {}
        for i in range(self.cameras.count()):
            item = self.cameras.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                cid = str(item.data(Qt.ItemDataRole.UserRole))
                ids.append(cid)
                names[cid] = str(item.data(Qt.ItemDataRole.UserRole + 1) or "")
        if not ids:
            return self.tr("Choose at least one camera.")
        folder = Path(self.folder.text()).expanduser()
        if not self.folder.text().strip():
            return self.tr("Choose a folder.")
        stamp = start.strftime("%Y%m%dT%H%M%SZ")
        target = folder / f"export-{stamp}"
        n = 1
        while target.exists():
            n += 1
            target = folder / f"export-{stamp}-{n}"
        return ex.ExportJob(ids, start, end, target, operator=self.operator, platform=self.platform, names=names)

    def start(self) -> None:
        job = self.job()
        if isinstance(job, str):
            self.status.setText(job)
            return
        self.token = ex.CancelToken()
        self.result_path = None
        self.progress.setValue(0)
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting to {folder}…").format(folder=str(job.folder)))
        self.task = asyncio.ensure_future(self._run(job, self.token))

    async def _run(self, job: ex.ExportJob, token: ex.CancelToken) -> Path | None:
        def progress(f: float) -> None:
            self.progress.setValue(round(f * 1000))

        try:
            path = await ex.export(self.backend, job, progress=progress, cancel=token)
        except ex.ExportCancelled:
            self.status.setText(self.tr("Cancelled: nothing was written."))
            self._rmdir(job.folder)
            self.export_button.setEnabled(True)
            return None
        except Exception as exc:  # every failure in words; nothing half-written is left
            self.status.setText(self.tr("The export failed: {why}. Nothing was written.").format(why=str(exc)))
            self._rmdir(job.folder)
            self.export_button.setEnabled(True)
            return None
        self.result_path = path
        if self.on_exported is not None:
            self.on_exported(job, path)
        self.progress.setValue(1000)
        self.status.setText(self.tr("Exported to {folder} (with manifest.json; check it with "
                                    "'controlroom verify').").format(folder=str(job.folder)))
        self.cancel_button.setText(self.tr("Close"))
        self.export_button.setEnabled(True)  # another range, another folder
        return path

    @staticmethod
    def _rmdir(folder: Path) -> None:
        try:
            folder.rmdir()  # only if empty: never the operator's files
        except OSError:
            pass

    def cancel(self) -> None:
        if self.task is not None and not self.task.done() and self.token is not None:
            self.token.cancel()
            return
        self.reject()
