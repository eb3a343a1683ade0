# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'header_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_HeaderDialog(object):
    def setupUi(self, HeaderDialog):
        if not HeaderDialog.objectName():
            HeaderDialog.setObjectName(u"HeaderDialog")
        HeaderDialog.resize(640, 460)
        self.layout = QVBoxLayout(HeaderDialog)
        self.layout.setObjectName(u"layout")
        self.unitLabel = QLabel(HeaderDialog)
        self.unitLabel.setObjectName(u"unitLabel")
        self.unitLabel.setStyleSheet(u"font-weight: bold;")

        self.layout.addWidget(self.unitLabel)

        self.headerForm = QFormLayout()
        self.headerForm.setObjectName(u"headerForm")
        self.fillerLabel = QLabel(HeaderDialog)
        self.fillerLabel.setObjectName(u"fillerLabel")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fillerLabel)

        self.fillerEdit = QLineEdit(HeaderDialog)
        self.fillerEdit.setObjectName(u"fillerEdit")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fillerEdit)

        self.phoneLabel = QLabel(HeaderDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.headerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(HeaderDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.headerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.layout.addLayout(self.headerForm)

        self.quarterRow = QHBoxLayout()
        self.quarterRow.setObjectName(u"quarterRow")
        self.quarterLabel = QLabel(HeaderDialog)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.quarterRow.addWidget(self.quarterLabel)

        self.quarterCombo = QComboBox(HeaderDialog)
        self.quarterCombo.setObjectName(u"quarterCombo")

        self.quarterRow.addWidget(self.quarterCombo)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quarterRow.addItem(self.spacer)


        self.layout.addLayout(self.quarterRow)

        self.summaryEdit = QPlainTextEdit(HeaderDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.layout.addWidget(self.summaryEdit)

        self.buttonBox = QDialogButtonBox(HeaderDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fillerLabel.setBuddy(self.fillerEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.quarterLabel.setBuddy(self.quarterCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HeaderDialog)
        self.buttonBox.rejected.connect(HeaderDialog.reject)

        QMetaObject.connectSlotsByName(HeaderDialog)
    # setupUi

    def retranslateUi(self, HeaderDialog):
        HeaderDialog.setWindowTitle(QCoreApplication.translate("HeaderDialog", u"\u586b\u62a5\u4fe1\u606f\u4e0e\u6d3b\u52a8\u5c0f\u7ed3", None))
        self.fillerLabel.setText(QCoreApplication.translate("HeaderDialog", u"\u586b\u62a5\u4eba", None))
        self.phoneLabel.setText(QCoreApplication.translate("HeaderDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.quarterLabel.setText(QCoreApplication.translate("HeaderDialog", u"\u6d3b\u52a8\u5c0f\u7ed3\uff1a", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("HeaderDialog", u"\u672c\u5b63\u5ea6\u5de5\u4f5c\u8fdb\u5ea6\u548c\u6d3b\u52a8\u5c0f\u7ed3\uff1a\u5f00\u5c55\u4e86\u54ea\u4e9b\u6d3b\u52a8\u3001\u6709\u4f55\u7279\u8272\u548c\u6210\u6548\u3001\u5b58\u5728\u7684\u95ee\u9898\u548c\u4e0b\u4e00\u6b65\u6253\u7b97\u3002", None))
    # retranslateUi

