"""The user guide (使用说明): Markdown chapters and their screenshots, shipped as package data."""
