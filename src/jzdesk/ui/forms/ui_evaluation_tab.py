# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'evaluation_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

class Ui_EvaluationTab(object):
    def setupUi(self, EvaluationTab):
        if not EvaluationTab.objectName():
            EvaluationTab.setObjectName(u"EvaluationTab")
        self.layout = QVBoxLayout(EvaluationTab)
        self.layout.setObjectName(u"layout")
        self.rulesRow = QHBoxLayout()
        self.rulesRow.setObjectName(u"rulesRow")
        self.asOfLabel = QLabel(EvaluationTab)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.rulesRow.addWidget(self.asOfLabel)

        self.asOfEdit = QDateEdit(EvaluationTab)
        self.asOfEdit.setObjectName(u"asOfEdit")
        self.asOfEdit.setCalendarPopup(True)

        self.rulesRow.addWidget(self.asOfEdit)

        self.dateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rulesRow.addItem(self.dateSpacer)

        self.exportButton = QPushButton(EvaluationTab)
        self.exportButton.setObjectName(u"exportButton")

        self.rulesRow.addWidget(self.exportButton)


        self.layout.addLayout(self.rulesRow)

        self.rulesRow2 = QHBoxLayout()
        self.rulesRow2.setObjectName(u"rulesRow2")
        self.fullQuotaCheck = QCheckBox(EvaluationTab)
        self.fullQuotaCheck.setObjectName(u"fullQuotaCheck")
        self.fullQuotaCheck.setChecked(True)

        self.rulesRow2.addWidget(self.fullQuotaCheck)

        self.topLabel = QLabel(EvaluationTab)
        self.topLabel.setObjectName(u"topLabel")

        self.rulesRow2.addWidget(self.topLabel)

        self.topSpin = QSpinBox(EvaluationTab)
        self.topSpin.setObjectName(u"topSpin")
        self.topSpin.setMaximum(16)
        self.topSpin.setValue(3)

        self.rulesRow2.addWidget(self.topSpin)

        self.paceLabel = QLabel(EvaluationTab)
        self.paceLabel.setObjectName(u"paceLabel")

        self.rulesRow2.addWidget(self.paceLabel)

        self.paceSpin = QSpinBox(EvaluationTab)
        self.paceSpin.setObjectName(u"paceSpin")
        self.paceSpin.setMaximum(100)
        self.paceSpin.setValue(60)

        self.rulesRow2.addWidget(self.paceSpin)

        self.paceTail = QLabel(EvaluationTab)
        self.paceTail.setObjectName(u"paceTail")

        self.rulesRow2.addWidget(self.paceTail)

        self.minimumCheck = QCheckBox(EvaluationTab)
        self.minimumCheck.setObjectName(u"minimumCheck")
        self.minimumCheck.setChecked(True)

        self.rulesRow2.addWidget(self.minimumCheck)

        self.acceptedCheck = QCheckBox(EvaluationTab)
        self.acceptedCheck.setObjectName(u"acceptedCheck")

        self.rulesRow2.addWidget(self.acceptedCheck)

        self.rulesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rulesRow2.addItem(self.rulesSpacer)


        self.layout.addLayout(self.rulesRow2)

        self.table = QTableView(EvaluationTab)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.table)

#if QT_CONFIG(shortcut)
        self.asOfLabel.setBuddy(self.asOfEdit)
        self.topLabel.setBuddy(self.topSpin)
        self.paceLabel.setBuddy(self.paceSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EvaluationTab)

        QMetaObject.connectSlotsByName(EvaluationTab)
    # setupUi

    def retranslateUi(self, EvaluationTab):
        self.asOfLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u7edf\u8ba1\u622a\u81f3\uff1a", None))
        self.asOfEdit.setDisplayFormat(QCoreApplication.translate("EvaluationTab", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.exportButton.setText(QCoreApplication.translate("EvaluationTab", u"\u5bfc\u51fa\u6392\u540d\u8868\u2026", None))
        self.fullQuotaCheck.setText(QCoreApplication.translate("EvaluationTab", u"\u5b8c\u6210\u5168\u5e74\u4efb\u52a1\u8005\u8868\u626c", None))
        self.topLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u524d\u51e0\u540d\u8868\u626c\uff1a", None))
        self.paceLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u4f4e\u4e8e\u8fdb\u5ea6\u7684\uff1a", None))
        self.paceSpin.setSuffix(QCoreApplication.translate("EvaluationTab", u" %", None))
        self.paceTail.setText(QCoreApplication.translate("EvaluationTab", u"\u901a\u62a5\u6279\u8bc4", None))
        self.minimumCheck.setText(QCoreApplication.translate("EvaluationTab", u"\u672a\u8fbe\u5230\u6700\u4f4e\u8981\u6c42\u8005\u901a\u62a5\u6279\u8bc4", None))
#if QT_CONFIG(tooltip)
        self.acceptedCheck.setToolTip(QCoreApplication.translate("EvaluationTab", u"\u52fe\u9009\u540e\uff0c\u5404\u5355\u4f4d\u53ea\u8ba1\u5ba1\u6838\u901a\u8fc7\u7684\u5b63\u5ea6\u4e2d\u7684\u573a\u6b21", None))
#endif // QT_CONFIG(tooltip)
        self.acceptedCheck.setText(QCoreApplication.translate("EvaluationTab", u"\u53ea\u8ba1\u5ba1\u6838\u901a\u8fc7\u7684\u5b63\u5ea6", None))
        pass
    # retranslateUi

