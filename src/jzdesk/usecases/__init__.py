"""Use cases, one module per user task, shared by the window and the command line; no Qt."""
