"""``python -m sigverify``: the command line (``sigverify --help``)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # first thing: a frozen app's worker processes start here
    from sigverify.cli import main

    sys.exit(main())
