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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_RecordsTab(object):
    def setupUi(self, RecordsTab):
        if not RecordsTab.objectName():
            RecordsTab.setObjectName(u"RecordsTab")
        self.layout = QVBoxLayout(RecordsTab)
        self.layout.setObjectName(u"layout")
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.unitLabel = QLabel(RecordsTab)
        self.unitLabel.setObjectName(u"unitLabel")

        self.filterRow.addWidget(self.unitLabel)

        self.unitCombo = QComboBox(RecordsTab)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setMinimumContentsLength(10)

        self.filterRow.addWidget(self.unitCombo)

        self.periodLabel = QLabel(RecordsTab)
        self.periodLabel.setObjectName(u"periodLabel")

        self.filterRow.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(RecordsTab)
        self.periodCombo.setObjectName(u"periodCombo")

        self.filterRow.addWidget(self.periodCombo)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.countLabel = QLabel(RecordsTab)
        self.countLabel.setObjectName(u"countLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.countLabel.sizePolicy().hasHeightForWidth())
        self.countLabel.setSizePolicy(sizePolicy)
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.filterRow.addWidget(self.countLabel)


        self.layout.addLayout(self.filterRow)

        self.table = QTableView(RecordsTab)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)

        self.layout.addWidget(self.table)

#if QT_CONFIG(shortcut)
        self.unitLabel.setBuddy(self.unitCombo)
        self.periodLabel.setBuddy(self.periodCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordsTab)

        QMetaObject.connectSlotsByName(RecordsTab)
    # setupUi

    def retranslateUi(self, RecordsTab):
        self.unitLabel.setText(QCoreApplication.translate("RecordsTab", u"\u586b\u62a5\u5355\u4f4d\uff1a", None))
        self.periodLabel.setText(QCoreApplication.translate("RecordsTab", u"\u671f\u95f4\uff1a", None))
        self.countLabel.setText("")
        pass
    # retranslateUi

