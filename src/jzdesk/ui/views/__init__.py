"""The main window and one module per tab or dialog."""
