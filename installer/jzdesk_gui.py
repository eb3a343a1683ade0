"""Frozen entry point of the window (jzdesk.exe): the same as ``jzdesk-gui``."""

import multiprocessing

from jzdesk.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
