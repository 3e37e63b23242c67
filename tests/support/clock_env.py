"""The test clock: ``SEKRETARIAT_TEST_CLOCK`` (ISO datetime with offset) stops the app's clock in tests and workers."""

from __future__ import annotations

import os

from desktop.core import clock

ENV = "SEKRETARIAT_TEST_CLOCK"


def fix_clock_from_env() -> None:
    """Stop the clock at the instant in ``SEKRETARIAT_TEST_CLOCK``, or let it run free when that is not set."""
    clock.fix_from_env(os.environ.get(ENV))
