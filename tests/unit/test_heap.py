"""``system.settle_heap``: what starts with the app is frozen out of the collector's walks, and what is made
afterwards is still collected (a sign-out/sign-in, a closed dialog's reference cycles, do not pile up)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from desktop.services import system


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_start_up_objects_are_frozen_and_later_cycles_still_collected(restored_collector: None) -> None:
    before = _Node()
    before.other = _Node()
    system.settle_heap()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == system.GC_THRESHOLDS
    assert before.other is not None  # frozen objects stay as they were

    a, b = _Node(), _Node()
    a.other, b.other = b, a  # a cycle: only the collector frees it
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None
