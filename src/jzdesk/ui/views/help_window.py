"""The user guide shown offline: its Markdown chapters in a QTextBrowser, pictures and
links between chapters included, and the printable PDF saved on request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTextBrowser, QToolBar

from jzdesk.ui.preferences import ask_save_path
from jzdesk.ui.views.exported import tell_exported
from jzdesk.usecases import guide


class HelpWindow(QMainWindow):
    """One chapter at a time, as Qt renders Markdown; 目录 leads to the contents page."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        self.resize(1100, 720)  # the pictures near their own size, on a 1366×768 screen too
        self.folder = guide.guide_folder()
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(self.folder)])
        # Always there, so that a picture fitted to the width does not make it narrower.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setCentralWidget(self.browser)
        self._add_toolbar()
        self.browser.sourceChanged.connect(self.fit_pictures)
        self.browser.viewport().installEventFilter(self)  # a new width: fit them again

    def _add_toolbar(self) -> None:
        bar = QToolBar("导航", self)
        bar.setMovable(False)
        self.addToolBar(bar)
        buttons = (
            ("目录", "回到使用说明的目录", self.show_contents, None),
            ("后退", "回到上一页", self.browser.backward, QKeySequence.StandardKey.Back),
            ("前进", "到下一页", self.browser.forward, QKeySequence.StandardKey.Forward),
            ("保存 PDF 版…", "把整本使用说明保存为 A4 的 PDF，用于打印和培训", self.save_pdf, None),
        )
        for text, tip, slot, keys in buttons:
            action = bar.addAction(text, slot)
            action.setToolTip(tip)
            if keys is not None:
                action.setShortcut(keys)
        self.browser.backwardAvailable.connect(bar.actions()[1].setEnabled)
        self.browser.forwardAvailable.connect(bar.actions()[2].setEnabled)
        bar.actions()[1].setEnabled(False)
        bar.actions()[2].setEnabled(False)

    def show_chapter(self, file: str) -> None:
        """Show the chapter ``file`` (e.g. ``records.md``) and bring the window up."""
        self.browser.setSource(QUrl.fromLocalFile(str(self.folder / file)))
        self.show()
        self.raise_()
        self.activateWindow()

    def fit_pictures(self) -> None:
        """Scale each screenshot to the page's width, smoothly (Markdown gives no size, a
        1280 pixel picture would need a sideways scroll, and Qt's own scaling of it
        would leave its small text unreadable)."""
        document = self.browser.document()
        width = self.browser.viewport().width() - 2 * int(document.documentMargin())
        for cursor, picture in pictures_of(document):
            file = picture.name().split("#")[0]  # a picture scaled before is file#width
            image = QImage(str(self.folder / file))
            if image.isNull() or width <= 0:
                continue
            if image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            # A new name: the document keeps the picture it loaded under the old one.
            scaled = f"{file}#{image.width()}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(scaled), image)
            picture.setName(scaled)
            picture.setWidth(image.width())
            picture.setHeight(image.height())
            cursor.setCharFormat(picture)

    def eventFilter(self, watched, event):
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_pictures()
        return super().eventFilter(watched, event)

    def show_contents(self) -> None:
        self.show_chapter(guide.INDEX)

    def chapter_shown(self) -> str:
        """The file name of the chapter on screen."""
        return Path(self.browser.source().toLocalFile()).name

    def save_pdf(self) -> None:
        path = ask_save_path(
            self, "保存使用说明（PDF）", "export", "jzdesk使用说明.pdf", "PDF 文件 (*.pdf)"
        )
        if path is None:
            return
        try:
            guide.write_guide_pdf(path)
        except OSError as error:  # a folder not writable, a file open in the PDF reader
            QMessageBox.warning(self, "保存失败", f"无法保存 {path}：{error.strerror or error}")
            return
        tell_exported(self, path, f"已保存使用说明：{path}")


def pictures_of(document):
    """(a cursor selecting it, its format) for each picture in ``document``."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                yield cursor, fragment.charFormat().toImageFormat()
            fragments += 1
        block = block.next()
