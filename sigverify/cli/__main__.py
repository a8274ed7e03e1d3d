"""``python -m sigverify.cli``: the same as the ``sigverify`` command."""

import sys

from sigverify.cli import main

sys.exit(main())
