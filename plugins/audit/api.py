"""The audit pane's logic without widgets: the query and the CSV export.

CSV is opened by spreadsheets, which run a cell that starts with ``=``, ``+``,
``-`` or ``@`` (and tab or carriage return, OWASP's list) as a formula: every
such value gets a leading apostrophe, so that a camera or workstation named
``=HYPERLINK(...)`` stays text. The file is UTF-8 with a byte-order mark, which
Excel needs to read Chinese as Chinese.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from controlroom.api.schema import AuditEntry

#: the first characters a spreadsheet reads as the start of a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: the most entries one export fetches (a page of 5,000 at a time)
MAX_EXPORT = 200_000
CSV_COLUMNS = ("time", "user", "workstation", "address", "action", "camera_id", "camera", "mode", "detail",
               "source", "received")


@dataclass(frozen=True)
class AuditQuery:
    """What the pane asks for; None: any."""

    user: str | None = None
    camera_id: str | None = None
    action: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    def params(self) -> dict[str, object]:
        return {"user": self.user, "camera_id": self.camera_id, "action": self.action,
                "start": self.start, "end": self.end}


def neutralise(value: str) -> str:
    """A cell value a spreadsheet shows as text, never runs."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_bytes(entries: Iterable[AuditEntry], camera_name: Callable[[str], str]) -> bytes:
    """The entries as CSV: a header row, one row per entry, UTF-8 with a BOM, CRLF lines."""
    out = io.StringIO(newline="")
    w = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_COLUMNS)
    for e in entries:
        row = [e.at.isoformat(), e.user, e.workstation, e.address, e.action.value, e.camera_id or "",
               camera_name(e.camera_id) if e.camera_id else "", e.mode or "", e.detail, e.source,
               e.received_at.isoformat()]
        w.writerow([neutralise(v) for v in row])
    return out.getvalue().encode("utf-8-sig")
