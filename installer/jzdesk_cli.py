"""Frozen entry point of the command line (jzdesk-cli.exe): the same as ``jzdesk``."""

import multiprocessing

from jzdesk.cli import command_main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    command_main()
