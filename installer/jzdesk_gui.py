"""Frozen entry point of the window (jzdesk.exe): the same as ``jzdesk-gui``.

On Linux it is the command line too: there ``jzdesk-cli`` is a symbolic link to this
program (one copy of the code in the bundle instead of two), and the name it was started
by decides which of the two it is.
"""

import multiprocessing
import sys
from pathlib import Path

from jzdesk import cli

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if Path(sys.argv[0]).name == "jzdesk-cli":
        sys.exit(cli.main())
    cli.gui_main()
