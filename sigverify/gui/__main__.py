"""``python -m sigverify.gui``: the desktop app."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from sigverify.gui.app import main

    sys.exit(main())
