"""``python -m jzdesk``: the same entry point as the ``jzdesk`` command."""

from jzdesk.cli import command_main

command_main()
