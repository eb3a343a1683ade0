"""A PDF preview that shows exactly the file an export writes (统计报表 and 全市汇总表)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView


class PdfPreview(QPdfView):
    """Each change writes a fresh temporary PDF through the export's own writer and shows
    it, page after page, fitted to the width; the file shown is kept at ``path``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setDocument(self.document)
        self._folder = tempfile.TemporaryDirectory(prefix="jzdesk-preview-")
        self._generation = 0
        self._buffer: QBuffer | None = None  # the shown PDF, which the document reads
        self.path: Path | None = None

    def show_written(self, write) -> None:
        """Call ``write(path)`` for a new temporary .pdf and show it; a KnownError it raises
        leaves the PDF shown before in place."""
        self._generation += 1
        path = Path(self._folder.name) / f"preview-{self._generation}.pdf"
        write(path)
        self._show_pdf(path.read_bytes())
        if self.path is not None:
            self.path.unlink(missing_ok=True)
        self.path = path

    def _show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` from memory. QPdfDocument keeps a file it loaded open until it is
        destroyed, close() or not, and Windows cannot delete an open file: the temporary
        folder would stay behind and removing it would raise on every close."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:  # the document has let go of the previous one
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer

    def cleanup(self) -> None:
        """Before the window closes: the document lets go and the temporary files go."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._folder.cleanup()
