# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'quota_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_QuotaTab(object):
    def setupUi(self, QuotaTab):
        if not QuotaTab.objectName():
            QuotaTab.setObjectName(u"QuotaTab")
        self.layout = QVBoxLayout(QuotaTab)
        self.layout.setObjectName(u"layout")
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.yearLabel = QLabel(QuotaTab)
        self.yearLabel.setObjectName(u"yearLabel")

        self.filterRow.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(QuotaTab)
        self.yearCombo.setObjectName(u"yearCombo")

        self.filterRow.addWidget(self.yearCombo)

        self.asOfLabel = QLabel(QuotaTab)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.filterRow.addWidget(self.asOfLabel)

        self.asOfEdit = QDateEdit(QuotaTab)
        self.asOfEdit.setObjectName(u"asOfEdit")
        self.asOfEdit.setCalendarPopup(True)

        self.filterRow.addWidget(self.asOfEdit)

        self.editPlanButton = QPushButton(QuotaTab)
        self.editPlanButton.setObjectName(u"editPlanButton")

        self.filterRow.addWidget(self.editPlanButton)

        self.newYearButton = QPushButton(QuotaTab)
        self.newYearButton.setObjectName(u"newYearButton")

        self.filterRow.addWidget(self.newYearButton)

        self.importPlanButton = QPushButton(QuotaTab)
        self.importPlanButton.setObjectName(u"importPlanButton")

        self.filterRow.addWidget(self.importPlanButton)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.summaryLabel = QLabel(QuotaTab)
        self.summaryLabel.setObjectName(u"summaryLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)
        self.summaryLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.filterRow.addWidget(self.summaryLabel)


        self.layout.addLayout(self.filterRow)

        self.table = QTableView(QuotaTab)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.table)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
        self.asOfLabel.setBuddy(self.asOfEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(QuotaTab)

        QMetaObject.connectSlotsByName(QuotaTab)
    # setupUi

    def retranslateUi(self, QuotaTab):
        self.yearLabel.setText(QCoreApplication.translate("QuotaTab", u"\u8ba1\u5212\u5e74\u5ea6\uff1a", None))
        self.asOfLabel.setText(QCoreApplication.translate("QuotaTab", u"\u7edf\u8ba1\u622a\u81f3\uff1a", None))
        self.asOfEdit.setDisplayFormat(QCoreApplication.translate("QuotaTab", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.editPlanButton.setText(QCoreApplication.translate("QuotaTab", u"\u7f16\u8f91\u8ba1\u5212\u2026", None))
        self.newYearButton.setText(QCoreApplication.translate("QuotaTab", u"\u65b0\u5efa\u4e0b\u4e00\u5e74\u5ea6", None))
        self.importPlanButton.setText(QCoreApplication.translate("QuotaTab", u"\u5bfc\u5165\u5e02\u603b\u8ba1\u5212\u6587\u4ef6\u2026", None))
#if QT_CONFIG(tooltip)
        self.importPlanButton.setToolTip(QCoreApplication.translate("QuotaTab", u"\u5bfc\u5165\u5e02\u603b\u5de5\u4f1a\u4e0b\u53d1\u7684\u4efb\u52a1\u5206\u89e3\u8868\uff08\u9644\u4ef61\uff0cExcel\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText("")
        pass
    # retranslateUi

