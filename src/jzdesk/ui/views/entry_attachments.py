"""The entry form's attachments: media coverage and photos, of the record shown or of the
one being entered (kept aside until it is saved)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListWidgetItem, QMessageBox

from jzdesk.domain.records import MediaItem
from jzdesk.errors import KnownError
from jzdesk.ui.preferences import ask_open_paths
from jzdesk.usecases import ledger, photos

IMAGE_FILTER = "图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}
_PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Attachments:
    """Mixed into EntryForm: its media and photo lists. Uses the form's ``ui``,
    ``_workspace``, ``_editing``, ``_media`` and ``_pending_photos``."""

    # -- media coverage --------------------------------------------------------------
    def _add_media(self) -> None:
        self._media.append(
            MediaItem(self.ui.mediaChannelCombo.currentText(), self.ui.mediaLinkEdit.text().strip())
        )
        self.ui.mediaLinkEdit.clear()
        self._show_media()

    def _remove_media(self) -> None:
        row = self.ui.mediaList.currentRow()
        if 0 <= row < len(self._media):
            del self._media[row]
            self._show_media()

    def _show_media(self) -> None:
        self.ui.mediaList.clear()
        for item in self._media:
            self.ui.mediaList.addItem(f"{item.channel}  {item.link}".strip())

    # -- photos ----------------------------------------------------------------------
    def _pick_photos(self) -> None:
        paths = ask_open_paths(self, "添加照片", "photos", IMAGE_FILTER, many=True)
        if paths:
            self.add_photo_files(paths)

    def add_photo_files(self, paths) -> bool:
        """Check and attach image files (to the record shown, or to the one being entered)."""
        try:
            prepared = ledger.prepare_photos(paths)
            if self._editing is None:
                known = {photo.sha256 for photo in self._pending_photos}
                self._pending_photos += [p for p in prepared if p.sha256 not in known]
            else:
                self._workspace.attach_photos(self._editing.id, prepared)
                self._editing = ledger.get_record(self._workspace.db, self._editing.id)
        except KnownError as error:
            QMessageBox.warning(self, "无法添加照片", error.message)
            return False
        self._show_photos()
        return True

    def photo_bytes(self, item) -> bytes | None:
        """The kept JPEG behind a thumbnail (of the record shown or the one being entered)."""
        if self._editing is None:
            return self._pending_photos[self.ui.photoList.row(item)].jpeg
        return photos.photo_image(self._workspace.db, item.data(_PHOTO_ID_ROLE))

    def show_photo(self, item) -> None:
        """Double-click on a thumbnail: the photo as it is kept, in a window of its own."""
        from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout

        data = self.photo_bytes(item)
        if not data:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle("照片")
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(QImage.fromData(data)))
        scroller = QScrollArea(dialog)
        scroller.setWidget(label)
        QVBoxLayout(dialog).addWidget(scroller)
        dialog.resize(900, 680)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.photo_window = dialog

    def _remove_photo(self) -> None:
        item = self.ui.photoList.currentItem()
        if item is None:
            return
        if self._editing is None:
            del self._pending_photos[self.ui.photoList.row(item)]
        else:
            self._workspace.remove_photo(self._editing.id, item.data(_PHOTO_ID_ROLE))
            self._editing = ledger.get_record(self._workspace.db, self._editing.id)
        self._show_photos()

    def _show_photos(self) -> None:
        self.ui.photoList.clear()
        if self._editing is None:
            thumbs = [(None, photo.thumbnail) for photo in self._pending_photos]
        else:
            thumbs = photos.photo_thumbnails(self._workspace.db, self._editing.id)
        for photo_id, jpeg in thumbs:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(QImage.fromData(jpeg))), "")
            item.setData(_PHOTO_ID_ROLE, photo_id)
            item.setSizeHint(QSize(56, 56))
            self.ui.photoList.addItem(item)
        self.ui.photosLabel.setText(f"照片（{len(thumbs)}）")

    def photo_drop(self, event) -> bool:
        """Image files dragged onto the form are its photos; True when the event was one."""
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if image_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            paths = image_paths(event.mimeData())
            if paths:
                self.add_photo_files(paths)
                event.acceptProposedAction()
                return True
        return False


def image_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if Path(path).suffix.lower() in IMAGE_SUFFIXES]
