"""The frozen app's entry point: the same ``sekretariat`` command as from source."""

import multiprocessing

from desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a no-op unless the app ever starts worker processes on Windows
    raise SystemExit(main())
