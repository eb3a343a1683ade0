# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_PlanDialog(object):
    def setupUi(self, PlanDialog):
        if not PlanDialog.objectName():
            PlanDialog.setObjectName(u"PlanDialog")
        PlanDialog.resize(860, 620)
        self.layout = QVBoxLayout(PlanDialog)
        self.layout.setObjectName(u"layout")
        self.hintLabel = QLabel(PlanDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.layout.addWidget(self.hintLabel)

        self.table = QTableWidget(PlanDialog)
        if (self.table.columnCount() < 4):
            self.table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.layout.addWidget(self.table)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.addButton = QPushButton(PlanDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttons.addWidget(self.addButton)

        self.retireButton = QPushButton(PlanDialog)
        self.retireButton.setObjectName(u"retireButton")

        self.buttons.addWidget(self.retireButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.importButton = QPushButton(PlanDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttons.addWidget(self.importButton)

        self.exportButton = QPushButton(PlanDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttons.addWidget(self.exportButton)

        self.logButton = QPushButton(PlanDialog)
        self.logButton.setObjectName(u"logButton")

        self.buttons.addWidget(self.logButton)


        self.layout.addLayout(self.buttons)

        self.buttonBox = QDialogButtonBox(PlanDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(PlanDialog)
        self.buttonBox.rejected.connect(PlanDialog.reject)

        QMetaObject.connectSlotsByName(PlanDialog)
    # setupUi

    def retranslateUi(self, PlanDialog):
        PlanDialog.setWindowTitle(QCoreApplication.translate("PlanDialog", u"\u7f16\u8f91\u4efb\u52a1\u5206\u89e3\u8868", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("PlanDialog", u"\u5355\u4f4d\u540d\u79f0", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("PlanDialog", u"\u7b80\u79f0", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("PlanDialog", u"\u4efb\u52a1\u573a\u6b21", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("PlanDialog", u"\u6700\u4f4e\u8981\u6c42", None))
        self.addButton.setText(QCoreApplication.translate("PlanDialog", u"\u6dfb\u52a0\u5355\u4f4d", None))
        self.retireButton.setText(QCoreApplication.translate("PlanDialog", u"\u4ece\u672c\u5e74\u8ba1\u5212\u4e2d\u79fb\u9664\u6240\u9009\u5355\u4f4d", None))
        self.importButton.setText(QCoreApplication.translate("PlanDialog", u"\u5bfc\u5165\u9644\u4ef61\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("PlanDialog", u"\u5bfc\u51fa\u9644\u4ef61\u2026", None))
        self.logButton.setText(QCoreApplication.translate("PlanDialog", u"\u4fee\u6539\u8bb0\u5f55\u2026", None))
    # retranslateUi

