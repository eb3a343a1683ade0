"""Bundled data files (fonts with their licences, icons), packaged as ``jzdesk.resources``."""
