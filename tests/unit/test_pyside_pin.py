"""Guard against the PySide6 6.12.0 crash on Python 3.11.

PySide6 6.12.0 drops a reference to None on each call of a method that
returns nothing; Python 3.11 (where None is not immortal) then aborts with
``none_dealloc`` after about 17,000 calls. We pin 6.11.3 on 3.11; this test
fails if the pin is lost or a release with the same leak comes in.
"""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QObject


def test_version_is_not_the_broken_one() -> None:
    if sys.version_info < (3, 12):
        assert PySide6.__version__ != "6.12.0"


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its count does not move")
def test_void_calls_do_not_leak_references_to_none(qapp: QCoreApplication) -> None:
    app = qapp
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(20000):
        obj.setObjectName("x")  # returns nothing
        app.processEvents()  # returns nothing
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 1000, f"None lost {drift} references over 40,000 void calls"
