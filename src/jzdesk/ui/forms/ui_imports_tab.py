# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'imports_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDateEdit, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QSplitter, QTabWidget,
    QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ImportsTab(object):
    def setupUi(self, ImportsTab):
        if not ImportsTab.objectName():
            ImportsTab.setObjectName(u"ImportsTab")
        self.layout = QVBoxLayout(ImportsTab)
        self.layout.setObjectName(u"layout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.importButton = QPushButton(ImportsTab)
        self.importButton.setObjectName(u"importButton")

        self.topRow.addWidget(self.importButton)

        self.yearLabel = QLabel(ImportsTab)
        self.yearLabel.setObjectName(u"yearLabel")

        self.topRow.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(ImportsTab)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.topRow.addWidget(self.yearSpin)

        self.asOfLabel = QLabel(ImportsTab)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.topRow.addWidget(self.asOfLabel)

        self.asOfEdit = QDateEdit(ImportsTab)
        self.asOfEdit.setObjectName(u"asOfEdit")
        self.asOfEdit.setCalendarPopup(True)

        self.topRow.addWidget(self.asOfEdit)

        self.deadlineLabel = QLabel(ImportsTab)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.topRow.addWidget(self.deadlineLabel)

        self.deadlineSpin = QSpinBox(ImportsTab)
        self.deadlineSpin.setObjectName(u"deadlineSpin")
        self.deadlineSpin.setMaximum(90)

        self.topRow.addWidget(self.deadlineSpin)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.rateLabel = QLabel(ImportsTab)
        self.rateLabel.setObjectName(u"rateLabel")

        self.topRow.addWidget(self.rateLabel)


        self.layout.addLayout(self.topRow)

        self.splitter = QSplitter(ImportsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.completenessTable = QTableView(self.splitter)
        self.completenessTable.setObjectName(u"completenessTable")
        self.completenessTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.completenessTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.completenessTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.completenessTable.setAlternatingRowColors(True)
        self.splitter.addWidget(self.completenessTable)
        self.detailTabs = QTabWidget(self.splitter)
        self.detailTabs.setObjectName(u"detailTabs")
        self.logPage = QWidget()
        self.logPage.setObjectName(u"logPage")
        self.logLayout = QVBoxLayout(self.logPage)
        self.logLayout.setObjectName(u"logLayout")
        self.logSplitter = QSplitter(self.logPage)
        self.logSplitter.setObjectName(u"logSplitter")
        self.logSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.logTable = QTableWidget(self.logSplitter)
        if (self.logTable.columnCount() < 10):
            self.logTable.setColumnCount(10)
        __qtablewidgetitem = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(8, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.logTable.setHorizontalHeaderItem(9, __qtablewidgetitem9)
        self.logTable.setObjectName(u"logTable")
        self.logTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.logTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.logTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.logTable.setAlternatingRowColors(True)
        self.logSplitter.addWidget(self.logTable)
        self.changesBox = QWidget(self.logSplitter)
        self.changesBox.setObjectName(u"changesBox")
        self.changesLayout = QVBoxLayout(self.changesBox)
        self.changesLayout.setObjectName(u"changesLayout")
        self.changesLayout.setContentsMargins(0, 0, 0, 0)
        self.codeLabel = QLabel(self.changesBox)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setWordWrap(True)
        self.codeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.changesLayout.addWidget(self.codeLabel)

        self.changesTable = QTableWidget(self.changesBox)
        if (self.changesTable.columnCount() < 7):
            self.changesTable.setColumnCount(7)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(0, __qtablewidgetitem10)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(1, __qtablewidgetitem11)
        __qtablewidgetitem12 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(2, __qtablewidgetitem12)
        __qtablewidgetitem13 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(3, __qtablewidgetitem13)
        __qtablewidgetitem14 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(4, __qtablewidgetitem14)
        __qtablewidgetitem15 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(5, __qtablewidgetitem15)
        __qtablewidgetitem16 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(6, __qtablewidgetitem16)
        self.changesTable.setObjectName(u"changesTable")
        self.changesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changesTable.setAlternatingRowColors(True)

        self.changesLayout.addWidget(self.changesTable)

        self.logSplitter.addWidget(self.changesBox)

        self.logLayout.addWidget(self.logSplitter)

        self.detailTabs.addTab(self.logPage, "")
        self.conflictsPage = QWidget()
        self.conflictsPage.setObjectName(u"conflictsPage")
        self.conflictsLayout = QVBoxLayout(self.conflictsPage)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.conflictSplitter = QSplitter(self.conflictsPage)
        self.conflictSplitter.setObjectName(u"conflictSplitter")
        self.conflictSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.conflictsTable = QTableWidget(self.conflictSplitter)
        if (self.conflictsTable.columnCount() < 5):
            self.conflictsTable.setColumnCount(5)
        __qtablewidgetitem17 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(0, __qtablewidgetitem17)
        __qtablewidgetitem18 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(1, __qtablewidgetitem18)
        __qtablewidgetitem19 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(2, __qtablewidgetitem19)
        __qtablewidgetitem20 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(3, __qtablewidgetitem20)
        __qtablewidgetitem21 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(4, __qtablewidgetitem21)
        self.conflictsTable.setObjectName(u"conflictsTable")
        self.conflictsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflictsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflictsTable.setAlternatingRowColors(True)
        self.conflictSplitter.addWidget(self.conflictsTable)
        self.compareTable = QTableWidget(self.conflictSplitter)
        if (self.compareTable.columnCount() < 3):
            self.compareTable.setColumnCount(3)
        __qtablewidgetitem22 = QTableWidgetItem()
        self.compareTable.setHorizontalHeaderItem(0, __qtablewidgetitem22)
        __qtablewidgetitem23 = QTableWidgetItem()
        self.compareTable.setHorizontalHeaderItem(1, __qtablewidgetitem23)
        __qtablewidgetitem24 = QTableWidgetItem()
        self.compareTable.setHorizontalHeaderItem(2, __qtablewidgetitem24)
        self.compareTable.setObjectName(u"compareTable")
        self.compareTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compareTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.compareTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.compareTable.setAlternatingRowColors(True)
        self.conflictSplitter.addWidget(self.compareTable)

        self.conflictsLayout.addWidget(self.conflictSplitter)

        self.conflictButtons = QHBoxLayout()
        self.conflictButtons.setObjectName(u"conflictButtons")
        self.conflictHint = QLabel(self.conflictsPage)
        self.conflictHint.setObjectName(u"conflictHint")
        self.conflictHint.setWordWrap(True)

        self.conflictButtons.addWidget(self.conflictHint)

        self.conflictSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.conflictButtons.addItem(self.conflictSpacer)

        self.keepOursButton = QPushButton(self.conflictsPage)
        self.keepOursButton.setObjectName(u"keepOursButton")

        self.conflictButtons.addWidget(self.keepOursButton)

        self.takeTheirsButton = QPushButton(self.conflictsPage)
        self.takeTheirsButton.setObjectName(u"takeTheirsButton")

        self.conflictButtons.addWidget(self.takeTheirsButton)


        self.conflictsLayout.addLayout(self.conflictButtons)

        self.detailTabs.addTab(self.conflictsPage, "")
        self.duplicatesPage = QWidget()
        self.duplicatesPage.setObjectName(u"duplicatesPage")
        self.duplicatesLayout = QVBoxLayout(self.duplicatesPage)
        self.duplicatesLayout.setObjectName(u"duplicatesLayout")
        self.duplicatesRow = QHBoxLayout()
        self.duplicatesRow.setObjectName(u"duplicatesRow")
        self.duplicatesButton = QPushButton(self.duplicatesPage)
        self.duplicatesButton.setObjectName(u"duplicatesButton")

        self.duplicatesRow.addWidget(self.duplicatesButton)

        self.duplicatesLabel = QLabel(self.duplicatesPage)
        self.duplicatesLabel.setObjectName(u"duplicatesLabel")
        self.duplicatesLabel.setWordWrap(True)

        self.duplicatesRow.addWidget(self.duplicatesLabel)


        self.duplicatesLayout.addLayout(self.duplicatesRow)

        self.duplicatesTable = QTableWidget(self.duplicatesPage)
        if (self.duplicatesTable.columnCount() < 6):
            self.duplicatesTable.setColumnCount(6)
        __qtablewidgetitem25 = QTableWidgetItem()
        self.duplicatesTable.setHorizontalHeaderItem(0, __qtablewidgetitem25)
        __qtablewidgetitem26 = QTableWidgetItem()
        self.duplicatesTable.setHorizontalHeaderItem(1, __qtablewidgetitem26)
        __qtablewidgetitem27 = QTableWidgetItem()
        self.duplicatesTable.setHorizontalHeaderItem(2, __qtablewidgetitem27)
        __qtablewidgetitem28 = QTableWidgetItem()
        self.duplicatesTable.setHorizontalHeaderItem(3, __qtablewidgetitem28)
        __qtablewidgetitem29 = QTableWidgetItem()
        self.duplicatesTable.setHorizontalHeaderItem(4, __qtablewidgetitem29)
        __qtablewidgetitem30 = QTableWidgetItem()
        self.duplicatesTable.setHorizontalHeaderItem(5, __qtablewidgetitem30)
        self.duplicatesTable.setObjectName(u"duplicatesTable")
        self.duplicatesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duplicatesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.duplicatesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.duplicatesTable.setAlternatingRowColors(True)

        self.duplicatesLayout.addWidget(self.duplicatesTable)

        self.detailTabs.addTab(self.duplicatesPage, "")
        self.splitter.addWidget(self.detailTabs)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.asOfLabel.setBuddy(self.asOfEdit)
        self.deadlineLabel.setBuddy(self.deadlineSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportsTab)

        QMetaObject.connectSlotsByName(ImportsTab)
    # setupUi

    def retranslateUi(self, ImportsTab):
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ImportsTab", u"\u5bfc\u5165\u5404\u5355\u4f4d\u7684\u4e0a\u62a5\u6587\u4ef6\uff08.jzsub\uff09\u548c\u586b\u597d\u7684\u7edf\u8ba1\u8868\uff08.xlsx\uff09\uff0c\u53ef\u4e00\u6b21\u9009\u591a\u4e2a", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("ImportsTab", u"\u5bfc\u5165\u4e0a\u62a5\u6587\u4ef6\u2026", None))
        self.yearLabel.setText(QCoreApplication.translate("ImportsTab", u"\u5e74\u5ea6\uff1a", None))
#if QT_CONFIG(tooltip)
        self.yearSpin.setToolTip(QCoreApplication.translate("ImportsTab", u"\u67e5\u770b\u54ea\u4e00\u5e74\u7684\u62a5\u9001\u60c5\u51b5", None))
#endif // QT_CONFIG(tooltip)
        self.asOfLabel.setText(QCoreApplication.translate("ImportsTab", u"\u622a\u81f3\uff1a", None))
#if QT_CONFIG(tooltip)
        self.asOfEdit.setToolTip(QCoreApplication.translate("ImportsTab", u"\u6309\u8fd9\u4e00\u5929\u5224\u65ad\u5404\u5b63\u5ea6\u662f\u5426\u5230\u671f\u3001\u662f\u5426\u6309\u65f6", None))
#endif // QT_CONFIG(tooltip)
        self.asOfEdit.setDisplayFormat(QCoreApplication.translate("ImportsTab", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.deadlineLabel.setText(QCoreApplication.translate("ImportsTab", u"\u62a5\u9001\u671f\u9650\uff1a\u5b63\u5ea6\u7ed3\u675f\u540e", None))
#if QT_CONFIG(tooltip)
        self.deadlineSpin.setToolTip(QCoreApplication.translate("ImportsTab", u"\u5b63\u5ea6\u7ed3\u675f\u540e\u51e0\u5929\u5185\u62a5\u9001\u7b97\u6309\u65f6", None))
#endif // QT_CONFIG(tooltip)
        self.deadlineSpin.setSuffix(QCoreApplication.translate("ImportsTab", u" \u5929", None))
        self.rateLabel.setText("")
        ___qtablewidgetitem = self.logTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportsTab", u"\u5bfc\u5165\u65f6\u95f4", None))
        ___qtablewidgetitem1 = self.logTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportsTab", u"\u5355\u4f4d", None))
        ___qtablewidgetitem2 = self.logTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ImportsTab", u"\u671f\u95f4", None))
        ___qtablewidgetitem3 = self.logTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ImportsTab", u"\u6587\u4ef6", None))
        ___qtablewidgetitem4 = self.logTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ImportsTab", u"\u65b0\u589e", None))
        ___qtablewidgetitem5 = self.logTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ImportsTab", u"\u4fee\u6539", None))
        ___qtablewidgetitem6 = self.logTable.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("ImportsTab", u"\u5220\u9664", None))
        ___qtablewidgetitem7 = self.logTable.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("ImportsTab", u"\u65e0\u53d8\u5316", None))
        ___qtablewidgetitem8 = self.logTable.horizontalHeaderItem(8)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("ImportsTab", u"\u51b2\u7a81", None))
        ___qtablewidgetitem9 = self.logTable.horizontalHeaderItem(9)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("ImportsTab", u"\u7edf\u8ba1\u8868\u6821\u9a8c\u7801", None))
        self.codeLabel.setText(QCoreApplication.translate("ImportsTab", u"\u9009\u62e9\u5de6\u8fb9\u7684\u4e00\u6b21\u5bfc\u5165\uff0c\u67e5\u770b\u5b83\u5e26\u6765\u7684\u53d8\u5316\u3002", None))
        ___qtablewidgetitem10 = self.changesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("ImportsTab", u"\u53d8\u5316", None))
        ___qtablewidgetitem11 = self.changesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("ImportsTab", u"\u5b63\u5ea6", None))
        ___qtablewidgetitem12 = self.changesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem12.setText(QCoreApplication.translate("ImportsTab", u"\u6d3b\u52a8\u65e5\u671f", None))
        ___qtablewidgetitem13 = self.changesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem13.setText(QCoreApplication.translate("ImportsTab", u"\u7c7b\u578b", None))
        ___qtablewidgetitem14 = self.changesTable.horizontalHeaderItem(4)
        ___qtablewidgetitem14.setText(QCoreApplication.translate("ImportsTab", u"\u6d3b\u52a8\u540d\u79f0\uff08\u5185\u5bb9\uff09", None))
        ___qtablewidgetitem15 = self.changesTable.horizontalHeaderItem(5)
        ___qtablewidgetitem15.setText(QCoreApplication.translate("ImportsTab", u"\u6d3b\u52a8\u5730\u70b9", None))
        ___qtablewidgetitem16 = self.changesTable.horizontalHeaderItem(6)
        ___qtablewidgetitem16.setText(QCoreApplication.translate("ImportsTab", u"\u4fee\u6539\u524d", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.logPage), QCoreApplication.translate("ImportsTab", u"\u5bfc\u5165\u8bb0\u5f55", None))
        ___qtablewidgetitem17 = self.conflictsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem17.setText(QCoreApplication.translate("ImportsTab", u"\u7f16\u53f7", None))
        ___qtablewidgetitem18 = self.conflictsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem18.setText(QCoreApplication.translate("ImportsTab", u"\u5355\u4f4d", None))
        ___qtablewidgetitem19 = self.conflictsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem19.setText(QCoreApplication.translate("ImportsTab", u"\u6d3b\u52a8\u65e5\u671f", None))
        ___qtablewidgetitem20 = self.conflictsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem20.setText(QCoreApplication.translate("ImportsTab", u"\u6765\u81ea\u6587\u4ef6", None))
        ___qtablewidgetitem21 = self.conflictsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem21.setText(QCoreApplication.translate("ImportsTab", u"\u53d1\u73b0\u65f6\u95f4", None))
        ___qtablewidgetitem22 = self.compareTable.horizontalHeaderItem(0)
        ___qtablewidgetitem22.setText(QCoreApplication.translate("ImportsTab", u"\u9879\u76ee", None))
        ___qtablewidgetitem23 = self.compareTable.horizontalHeaderItem(1)
        ___qtablewidgetitem23.setText(QCoreApplication.translate("ImportsTab", u"\u672c\u673a\u7248\u672c", None))
        ___qtablewidgetitem24 = self.compareTable.horizontalHeaderItem(2)
        ___qtablewidgetitem24.setText(QCoreApplication.translate("ImportsTab", u"\u6765\u4ef6\u7248\u672c", None))
        self.conflictHint.setText(QCoreApplication.translate("ImportsTab", u"\u9009\u62e9\u4e00\u4e2a\u51b2\u7a81\uff0c\u6bd4\u8f83\u4e24\u4e2a\u7248\u672c\u540e\u51b3\u5b9a\u4fdd\u7559\u54ea\u4e00\u4e2a\uff1a", None))
#if QT_CONFIG(tooltip)
        self.keepOursButton.setToolTip(QCoreApplication.translate("ImportsTab", u"\u4fdd\u7559\u672c\u673a\u7684\u7248\u672c\uff0c\u653e\u5f03\u6765\u4ef6\u4e2d\u7684\u8fd9\u5904\u4fee\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.keepOursButton.setText(QCoreApplication.translate("ImportsTab", u"\u4fdd\u7559\u672c\u673a\u7248\u672c", None))
#if QT_CONFIG(tooltip)
        self.takeTheirsButton.setToolTip(QCoreApplication.translate("ImportsTab", u"\u91c7\u7528\u6765\u4ef6\u4e2d\u7684\u7248\u672c\uff0c\u66ff\u6362\u672c\u673a\u7684\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.takeTheirsButton.setText(QCoreApplication.translate("ImportsTab", u"\u91c7\u7528\u6765\u4ef6\u7248\u672c", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.conflictsPage), QCoreApplication.translate("ImportsTab", u"\u51b2\u7a81", None))
#if QT_CONFIG(tooltip)
        self.duplicatesButton.setToolTip(QCoreApplication.translate("ImportsTab", u"\u5217\u51fa\u4e24\u4e2a\u5355\u4f4d\u540c\u4e00\u5929\u3001\u540c\u4e00\u7c7b\u578b\u3001\u540d\u79f0\u6216\u5730\u70b9\u76f8\u8fd1\u7684\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.duplicatesButton.setText(QCoreApplication.translate("ImportsTab", u"\u67e5\u627e\u5404\u5355\u4f4d\u4e4b\u95f4\u7684\u7591\u4f3c\u91cd\u590d", None))
        self.duplicatesLabel.setText(QCoreApplication.translate("ImportsTab", u"\u540c\u4e00\u5929\u3001\u540c\u4e00\u7c7b\u578b\uff0c\u6d3b\u52a8\u540d\u79f0\u6216\u5730\u70b9\u76f8\u8fd1\u7684\u4e24\u4e2a\u5355\u4f4d\u7684\u8bb0\u5f55\uff0c\u53ef\u80fd\u662f\u8054\u5408\u4e3e\u529e\u7684\u6d3b\u52a8\u88ab\u4e24\u4e2a\u5355\u4f4d\u90fd\u7edf\u8ba1\u4e86\u3002", None))
        ___qtablewidgetitem25 = self.duplicatesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem25.setText(QCoreApplication.translate("ImportsTab", u"\u6d3b\u52a8\u65e5\u671f", None))
        ___qtablewidgetitem26 = self.duplicatesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem26.setText(QCoreApplication.translate("ImportsTab", u"\u7c7b\u578b", None))
        ___qtablewidgetitem27 = self.duplicatesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem27.setText(QCoreApplication.translate("ImportsTab", u"\u5355\u4f4d\u7532", None))
        ___qtablewidgetitem28 = self.duplicatesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem28.setText(QCoreApplication.translate("ImportsTab", u"\u7532\uff1a\u540d\u79f0 / \u5730\u70b9", None))
        ___qtablewidgetitem29 = self.duplicatesTable.horizontalHeaderItem(4)
        ___qtablewidgetitem29.setText(QCoreApplication.translate("ImportsTab", u"\u5355\u4f4d\u4e59", None))
        ___qtablewidgetitem30 = self.duplicatesTable.horizontalHeaderItem(5)
        ___qtablewidgetitem30.setText(QCoreApplication.translate("ImportsTab", u"\u4e59\uff1a\u540d\u79f0 / \u5730\u70b9", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.duplicatesPage), QCoreApplication.translate("ImportsTab", u"\u7591\u4f3c\u91cd\u590d", None))
        pass
    # retranslateUi

