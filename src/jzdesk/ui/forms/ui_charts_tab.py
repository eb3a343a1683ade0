# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'charts_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_ChartsTab(object):
    def setupUi(self, ChartsTab):
        if not ChartsTab.objectName():
            ChartsTab.setObjectName(u"ChartsTab")
        self.layout = QVBoxLayout(ChartsTab)
        self.layout.setObjectName(u"layout")
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.periodLabel = QLabel(ChartsTab)
        self.periodLabel.setObjectName(u"periodLabel")

        self.filterRow.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(ChartsTab)
        self.periodCombo.setObjectName(u"periodCombo")

        self.filterRow.addWidget(self.periodCombo)

        self.unitLabel = QLabel(ChartsTab)
        self.unitLabel.setObjectName(u"unitLabel")

        self.filterRow.addWidget(self.unitLabel)

        self.unitCombo = QComboBox(ChartsTab)
        self.unitCombo.setObjectName(u"unitCombo")

        self.filterRow.addWidget(self.unitCombo)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.copyButton = QPushButton(ChartsTab)
        self.copyButton.setObjectName(u"copyButton")

        self.filterRow.addWidget(self.copyButton)

        self.saveButton = QPushButton(ChartsTab)
        self.saveButton.setObjectName(u"saveButton")

        self.filterRow.addWidget(self.saveButton)


        self.layout.addLayout(self.filterRow)

        self.charts = QTabWidget(ChartsTab)
        self.charts.setObjectName(u"charts")
        self.charts.setTabPosition(QTabWidget.TabPosition.West)

        self.layout.addWidget(self.charts)

#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
        self.unitLabel.setBuddy(self.unitCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChartsTab)

        QMetaObject.connectSlotsByName(ChartsTab)
    # setupUi

    def retranslateUi(self, ChartsTab):
        self.periodLabel.setText(QCoreApplication.translate("ChartsTab", u"\u671f\u95f4\uff1a", None))
        self.unitLabel.setText(QCoreApplication.translate("ChartsTab", u"\u5355\u4f4d\uff1a", None))
        self.copyButton.setText(QCoreApplication.translate("ChartsTab", u"\u590d\u5236\u56fe\u8868", None))
        self.saveButton.setText(QCoreApplication.translate("ChartsTab", u"\u4fdd\u5b58\u4e3a\u56fe\u7247\u2026", None))
        pass
    # retranslateUi

