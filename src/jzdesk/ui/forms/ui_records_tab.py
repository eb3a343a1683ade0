# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_RecordsTab(object):
    def setupUi(self, RecordsTab):
        if not RecordsTab.objectName():
            RecordsTab.setObjectName(u"RecordsTab")
        self.layout = QVBoxLayout(RecordsTab)
        self.layout.setObjectName(u"layout")
        self.unitRow = QHBoxLayout()
        self.unitRow.setObjectName(u"unitRow")
        self.unitLabel = QLabel(RecordsTab)
        self.unitLabel.setObjectName(u"unitLabel")

        self.unitRow.addWidget(self.unitLabel)

        self.unitCombo = QComboBox(RecordsTab)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setMinimumContentsLength(10)

        self.unitRow.addWidget(self.unitCombo)

        self.headerButton = QPushButton(RecordsTab)
        self.headerButton.setObjectName(u"headerButton")

        self.unitRow.addWidget(self.headerButton)

        self.importButton = QPushButton(RecordsTab)
        self.importButton.setObjectName(u"importButton")

        self.unitRow.addWidget(self.importButton)

        self.unitSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unitRow.addItem(self.unitSpacer)

        self.headerInfoLabel = QLabel(RecordsTab)
        self.headerInfoLabel.setObjectName(u"headerInfoLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.headerInfoLabel.sizePolicy().hasHeightForWidth())
        self.headerInfoLabel.setSizePolicy(sizePolicy)
        self.headerInfoLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.unitRow.addWidget(self.headerInfoLabel)


        self.layout.addLayout(self.unitRow)

        self.splitter = QSplitter(RecordsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.formBox = QGroupBox(self.splitter)
        self.formBox.setObjectName(u"formBox")
        self.formLayout = QVBoxLayout(self.formBox)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(6, 4, 6, 4)
        self.splitter.addWidget(self.formBox)
        self.ledgerBox = QWidget(self.splitter)
        self.ledgerBox.setObjectName(u"ledgerBox")
        self.ledgerLayout = QVBoxLayout(self.ledgerBox)
        self.ledgerLayout.setSpacing(2)
        self.ledgerLayout.setObjectName(u"ledgerLayout")
        self.ledgerLayout.setContentsMargins(0, 0, 0, 0)
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.periodLabel = QLabel(self.ledgerBox)
        self.periodLabel.setObjectName(u"periodLabel")

        self.filterRow.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(self.ledgerBox)
        self.periodCombo.setObjectName(u"periodCombo")

        self.filterRow.addWidget(self.periodCombo)

        self.typeFilterLabel = QLabel(self.ledgerBox)
        self.typeFilterLabel.setObjectName(u"typeFilterLabel")

        self.filterRow.addWidget(self.typeFilterLabel)

        self.typeCombo = QComboBox(self.ledgerBox)
        self.typeCombo.setObjectName(u"typeCombo")

        self.filterRow.addWidget(self.typeCombo)

        self.demoCombo = QComboBox(self.ledgerBox)
        self.demoCombo.setObjectName(u"demoCombo")

        self.filterRow.addWidget(self.demoCombo)

        self.photosCheck = QCheckBox(self.ledgerBox)
        self.photosCheck.setObjectName(u"photosCheck")

        self.filterRow.addWidget(self.photosCheck)

        self.searchEdit = QLineEdit(self.ledgerBox)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.searchEdit)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.historyButton = QPushButton(self.ledgerBox)
        self.historyButton.setObjectName(u"historyButton")

        self.filterRow.addWidget(self.historyButton)

        self.deleteButton = QPushButton(self.ledgerBox)
        self.deleteButton.setObjectName(u"deleteButton")

        self.filterRow.addWidget(self.deleteButton)

        self.binButton = QPushButton(self.ledgerBox)
        self.binButton.setObjectName(u"binButton")

        self.filterRow.addWidget(self.binButton)


        self.ledgerLayout.addLayout(self.filterRow)

        self.table = QTableView(self.ledgerBox)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.ledgerLayout.addWidget(self.table)

        self.totalsTable = QTableView(self.ledgerBox)
        self.totalsTable.setObjectName(u"totalsTable")
        self.totalsTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totalsTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totalsTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totalsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totalsTable.horizontalHeader().setVisible(False)
        self.totalsTable.verticalHeader().setVisible(False)

        self.ledgerLayout.addWidget(self.totalsTable)

        self.splitter.addWidget(self.ledgerBox)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.unitLabel.setBuddy(self.unitCombo)
        self.periodLabel.setBuddy(self.periodCombo)
        self.typeFilterLabel.setBuddy(self.typeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordsTab)

        QMetaObject.connectSlotsByName(RecordsTab)
    # setupUi

    def retranslateUi(self, RecordsTab):
        self.unitLabel.setText(QCoreApplication.translate("RecordsTab", u"\u586b\u62a5\u5355\u4f4d\uff1a", None))
        self.headerButton.setText(QCoreApplication.translate("RecordsTab", u"\u586b\u62a5\u4fe1\u606f\u4e0e\u6d3b\u52a8\u5c0f\u7ed3\u2026", None))
        self.importButton.setText(QCoreApplication.translate("RecordsTab", u"\u5bfc\u5165\u7edf\u8ba1\u8868\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("RecordsTab", u"\u5bfc\u5165\u586b\u597d\u7684\u300a\u60c5\u51b5\u7edf\u8ba1\u8868\u300bExcel \u6587\u4ef6\uff08\u4e5f\u53ef\u4ee5\u628a\u6587\u4ef6\u62d6\u5230\u7a97\u53e3\u4e0a\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.periodLabel.setText(QCoreApplication.translate("RecordsTab", u"\u671f\u95f4\uff1a", None))
        self.typeFilterLabel.setText(QCoreApplication.translate("RecordsTab", u"\u7c7b\u578b\uff1a", None))
        self.photosCheck.setText(QCoreApplication.translate("RecordsTab", u"\u6709\u7167\u7247", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RecordsTab", u"\u641c\u7d22\u540d\u79f0\u3001\u5730\u70b9\u3001\u5907\u6ce8", None))
        self.historyButton.setText(QCoreApplication.translate("RecordsTab", u"\u4fee\u6539\u5386\u53f2", None))
        self.deleteButton.setText(QCoreApplication.translate("RecordsTab", u"\u5220\u9664", None))
        self.binButton.setText(QCoreApplication.translate("RecordsTab", u"\u56de\u6536\u7ad9", None))
        pass
    # retranslateUi

