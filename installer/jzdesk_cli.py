"""Frozen entry point of the command line (jzdesk-cli.exe): the same as ``jzdesk``."""

import multiprocessing
import sys

from jzdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
