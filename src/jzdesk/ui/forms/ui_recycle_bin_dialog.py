# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recycle_bin_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_RecycleBinDialog(object):
    def setupUi(self, RecycleBinDialog):
        if not RecycleBinDialog.objectName():
            RecycleBinDialog.setObjectName(u"RecycleBinDialog")
        RecycleBinDialog.resize(960, 480)
        self.layout = QVBoxLayout(RecycleBinDialog)
        self.layout.setObjectName(u"layout")
        self.hintLabel = QLabel(RecycleBinDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.layout.addWidget(self.hintLabel)

        self.table = QTableView(RecycleBinDialog)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)

        self.layout.addWidget(self.table)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.restoreButton = QPushButton(RecycleBinDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttons.addWidget(self.restoreButton)

        self.closeButton = QPushButton(RecycleBinDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(RecycleBinDialog)
        self.closeButton.clicked.connect(RecycleBinDialog.accept)

        QMetaObject.connectSlotsByName(RecycleBinDialog)
    # setupUi

    def retranslateUi(self, RecycleBinDialog):
        RecycleBinDialog.setWindowTitle(QCoreApplication.translate("RecycleBinDialog", u"\u56de\u6536\u7ad9", None))
        self.hintLabel.setText(QCoreApplication.translate("RecycleBinDialog", u"\u5df2\u5220\u9664\u7684\u8bb0\u5f55\u4fdd\u7559\u5728\u8fd9\u91cc\uff08\u5220\u9664\u4e5f\u4f1a\u968f\u4e0a\u62a5\u6587\u4ef6\u544a\u77e5\u5e02\u603b\uff09\u3002\u9009\u4e2d\u8bb0\u5f55\u540e\u70b9\u201c\u6062\u590d\u201d\u3002", None))
        self.restoreButton.setText(QCoreApplication.translate("RecycleBinDialog", u"\u6062\u590d", None))
        self.closeButton.setText(QCoreApplication.translate("RecycleBinDialog", u"\u5173\u95ed", None))
    # retranslateUi

