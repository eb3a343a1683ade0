"""``python -m jzdesk``: the same entry point as the ``jzdesk`` command."""

import sys

from jzdesk.cli import main

sys.exit(main())
