# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ReportTab(object):
    def setupUi(self, ReportTab):
        if not ReportTab.objectName():
            ReportTab.setObjectName(u"ReportTab")
        self.layout = QHBoxLayout(ReportTab)
        self.layout.setObjectName(u"layout")
        self.controls = QWidget(ReportTab)
        self.controls.setObjectName(u"controls")
        self.controls.setMaximumWidth(360)
        self.controlsLayout = QVBoxLayout(self.controls)
        self.controlsLayout.setObjectName(u"controlsLayout")
        self.controlsLayout.setContentsMargins(0, -1, -1, -1)
        self.sheetBox = QGroupBox(self.controls)
        self.sheetBox.setObjectName(u"sheetBox")
        self.sheetForm = QFormLayout(self.sheetBox)
        self.sheetForm.setObjectName(u"sheetForm")
        self.unitLabel = QLabel(self.sheetBox)
        self.unitLabel.setObjectName(u"unitLabel")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(self.sheetBox)
        self.unitCombo.setObjectName(u"unitCombo")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.periodLabel = QLabel(self.sheetBox)
        self.periodLabel.setObjectName(u"periodLabel")

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodCombo = QComboBox(self.sheetBox)
        self.periodCombo.setObjectName(u"periodCombo")

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.periodCombo)

        self.fillerLabel = QLabel(self.sheetBox)
        self.fillerLabel.setObjectName(u"fillerLabel")

        self.sheetForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fillerLabel)

        self.fillerEdit = QLineEdit(self.sheetBox)
        self.fillerEdit.setObjectName(u"fillerEdit")

        self.sheetForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fillerEdit)

        self.phoneLabel = QLabel(self.sheetBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.sheetForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.sheetBox)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.sheetForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.filledOnLabel = QLabel(self.sheetBox)
        self.filledOnLabel.setObjectName(u"filledOnLabel")

        self.sheetForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.filledOnLabel)

        self.filledOnEdit = QDateEdit(self.sheetBox)
        self.filledOnEdit.setObjectName(u"filledOnEdit")
        self.filledOnEdit.setCalendarPopup(True)

        self.sheetForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.filledOnEdit)


        self.controlsLayout.addWidget(self.sheetBox)

        self.sealBox = QGroupBox(self.controls)
        self.sealBox.setObjectName(u"sealBox")
        self.sealLayout = QVBoxLayout(self.sealBox)
        self.sealLayout.setObjectName(u"sealLayout")
        self.sealPreview = QLabel(self.sealBox)
        self.sealPreview.setObjectName(u"sealPreview")
        self.sealPreview.setMinimumSize(QSize(140, 140))
        self.sealPreview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sealPreview.setWordWrap(True)
        self.sealPreview.setStyleSheet(u"border: 1px dashed #b0bec5; background: white;")

        self.sealLayout.addWidget(self.sealPreview)

        self.sealButtons = QHBoxLayout()
        self.sealButtons.setObjectName(u"sealButtons")
        self.sealLoadButton = QPushButton(self.sealBox)
        self.sealLoadButton.setObjectName(u"sealLoadButton")

        self.sealButtons.addWidget(self.sealLoadButton)

        self.sealRemoveButton = QPushButton(self.sealBox)
        self.sealRemoveButton.setObjectName(u"sealRemoveButton")

        self.sealButtons.addWidget(self.sealRemoveButton)


        self.sealLayout.addLayout(self.sealButtons)


        self.controlsLayout.addWidget(self.sealBox)

        self.codeLabel = QLabel(self.controls)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setWordWrap(True)
        self.codeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.controlsLayout.addWidget(self.codeLabel)

        self.pdfButton = QPushButton(self.controls)
        self.pdfButton.setObjectName(u"pdfButton")

        self.controlsLayout.addWidget(self.pdfButton)

        self.xlsxButton = QPushButton(self.controls)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.controlsLayout.addWidget(self.xlsxButton)

        self.printButton = QPushButton(self.controls)
        self.printButton.setObjectName(u"printButton")

        self.controlsLayout.addWidget(self.printButton)

        self.packageButton = QPushButton(self.controls)
        self.packageButton.setObjectName(u"packageButton")

        self.controlsLayout.addWidget(self.packageButton)

        self.photosCheck = QCheckBox(self.controls)
        self.photosCheck.setObjectName(u"photosCheck")

        self.controlsLayout.addWidget(self.photosCheck)

        self.planDocButton = QPushButton(self.controls)
        self.planDocButton.setObjectName(u"planDocButton")

        self.controlsLayout.addWidget(self.planDocButton)

        self.summaryButton = QPushButton(self.controls)
        self.summaryButton.setObjectName(u"summaryButton")

        self.controlsLayout.addWidget(self.summaryButton)

        self.controlsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.controlsLayout.addItem(self.controlsSpacer)


        self.layout.addWidget(self.controls)

        self.previewHost = QWidget(ReportTab)
        self.previewHost.setObjectName(u"previewHost")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.previewHost.sizePolicy().hasHeightForWidth())
        self.previewHost.setSizePolicy(sizePolicy)
        self.previewLayout = QVBoxLayout(self.previewHost)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)

        self.layout.addWidget(self.previewHost)

#if QT_CONFIG(shortcut)
        self.unitLabel.setBuddy(self.unitCombo)
        self.periodLabel.setBuddy(self.periodCombo)
        self.fillerLabel.setBuddy(self.fillerEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.filledOnLabel.setBuddy(self.filledOnEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportTab)

        QMetaObject.connectSlotsByName(ReportTab)
    # setupUi

    def retranslateUi(self, ReportTab):
        self.sheetBox.setTitle(QCoreApplication.translate("ReportTab", u"\u7edf\u8ba1\u8868", None))
        self.unitLabel.setText(QCoreApplication.translate("ReportTab", u"\u586b\u62a5\u5355\u4f4d", None))
#if QT_CONFIG(tooltip)
        self.unitCombo.setToolTip(QCoreApplication.translate("ReportTab", u"\u5bfc\u51fa\u54ea\u4e2a\u5355\u4f4d\u7684\u7edf\u8ba1\u8868", None))
#endif // QT_CONFIG(tooltip)
        self.periodLabel.setText(QCoreApplication.translate("ReportTab", u"\u671f\u95f4", None))
#if QT_CONFIG(tooltip)
        self.periodCombo.setToolTip(QCoreApplication.translate("ReportTab", u"\u7edf\u8ba1\u8868\u7684\u671f\u95f4\uff08\u5b63\u5ea6\u6216\u5168\u5e74\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.fillerLabel.setText(QCoreApplication.translate("ReportTab", u"\u586b\u62a5\u4eba", None))
#if QT_CONFIG(tooltip)
        self.fillerEdit.setToolTip(QCoreApplication.translate("ReportTab", u"\u586b\u62a5\u4eba\u59d3\u540d\uff0c\u5370\u5728\u7edf\u8ba1\u8868\u7684\u8868\u5934", None))
#endif // QT_CONFIG(tooltip)
        self.phoneLabel.setText(QCoreApplication.translate("ReportTab", u"\u8054\u7cfb\u7535\u8bdd", None))
#if QT_CONFIG(tooltip)
        self.phoneEdit.setToolTip(QCoreApplication.translate("ReportTab", u"\u8054\u7cfb\u7535\u8bdd\uff0c\u5370\u5728\u7edf\u8ba1\u8868\u7684\u8868\u5934", None))
#endif // QT_CONFIG(tooltip)
        self.filledOnLabel.setText(QCoreApplication.translate("ReportTab", u"\u586b\u62a5\u65f6\u95f4", None))
#if QT_CONFIG(tooltip)
        self.filledOnEdit.setToolTip(QCoreApplication.translate("ReportTab", u"\u586b\u62a5\u65f6\u95f4\uff0c\u5370\u5728\u7edf\u8ba1\u8868\u7684\u8868\u5934", None))
#endif // QT_CONFIG(tooltip)
        self.filledOnEdit.setDisplayFormat(QCoreApplication.translate("ReportTab", u"yyyy-MM-dd", None))
        self.sealBox.setTitle(QCoreApplication.translate("ReportTab", u"\u5370\u7ae0", None))
#if QT_CONFIG(tooltip)
        self.sealLoadButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u8f7d\u5165\u672c\u5355\u4f4d\u516c\u7ae0\u7684\u626b\u63cf\u56fe\u7247\uff0c\u4ee5\u540e\u6bcf\u5f20\u7edf\u8ba1\u8868\u90fd\u76d6\u4e0a\u5b83", None))
#endif // QT_CONFIG(tooltip)
        self.sealLoadButton.setText(QCoreApplication.translate("ReportTab", u"\u8f7d\u5165\u5370\u7ae0\u626b\u63cf\u4ef6\u2026", None))
#if QT_CONFIG(tooltip)
        self.sealRemoveButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u4e0d\u518d\u5728\u7edf\u8ba1\u8868\u4e0a\u76d6\u8fd9\u4e2a\u5370\u7ae0", None))
#endif // QT_CONFIG(tooltip)
        self.sealRemoveButton.setText(QCoreApplication.translate("ReportTab", u"\u79fb\u9664", None))
#if QT_CONFIG(tooltip)
        self.pdfButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u628a\u53f3\u8fb9\u9884\u89c8\u7684\u7edf\u8ba1\u8868\u4fdd\u5b58\u4e3a PDF \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.pdfButton.setText(QCoreApplication.translate("ReportTab", u"\u5bfc\u51fa PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.xlsxButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u628a\u7edf\u8ba1\u8868\u4fdd\u5b58\u4e3a Excel \u6587\u4ef6\uff08WPS\u3001Excel \u90fd\u80fd\u6253\u5f00\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.xlsxButton.setText(QCoreApplication.translate("ReportTab", u"\u5bfc\u51fa Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u6253\u5370\u7edf\u8ba1\u8868\uff0c\u9875\u9762\u4e0e PDF \u76f8\u540c", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("ReportTab", u"\u6253\u5370\u2026", None))
#if QT_CONFIG(tooltip)
        self.packageButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u672c\u5355\u4f4d\u672c\u5e74\u5ea6\u81f3\u4eca\u7684\u5168\u90e8\u8bb0\u5f55\uff08\u542b\u5220\u9664\uff09\u3001\u6d3b\u52a8\u5c0f\u7ed3\u548c\u5b9e\u65bd\u65b9\u6848\uff0c\u62a5\u9001\u7ed9\u5e02\u603b\u5de5\u4f1a", None))
#endif // QT_CONFIG(tooltip)
        self.packageButton.setText(QCoreApplication.translate("ReportTab", u"\u5bfc\u51fa\u4e0a\u62a5\u6587\u4ef6\u2026", None))
#if QT_CONFIG(tooltip)
        self.photosCheck.setToolTip(QCoreApplication.translate("ReportTab", u"\u52fe\u9009\u540e\uff0c\u4e0a\u62a5\u6587\u4ef6\u5e26\u4e0a\u538b\u7f29\u540e\u7684\u6d3b\u52a8\u7167\u7247\uff08\u6587\u4ef6\u4f1a\u5927\u4e00\u4e9b\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.photosCheck.setText(QCoreApplication.translate("ReportTab", u"\u4e0a\u62a5\u6587\u4ef6\u5e26\u4e0a\u6d3b\u52a8\u7167\u7247", None))
#if QT_CONFIG(tooltip)
        self.planDocButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u9644\u4e0a\u672c\u5355\u4f4d\u7684\u5b9e\u65bd\u65b9\u6848\uff08PDF \u6216 Word\uff09\uff0c\u968f\u4ee5\u540e\u7684\u6bcf\u4e2a\u4e0a\u62a5\u6587\u4ef6\u62a5\u9001", None))
#endif // QT_CONFIG(tooltip)
        self.planDocButton.setText(QCoreApplication.translate("ReportTab", u"\u9644\u4e0a\u5b9e\u65bd\u65b9\u6848\u2026", None))
#if QT_CONFIG(tooltip)
        self.summaryButton.setToolTip(QCoreApplication.translate("ReportTab", u"\u5bfc\u51fa\u5168\u5e02\u6c47\u603b\u8868\uff1a\u6bcf\u4e2a\u5355\u4f4d\u4e00\u884c\uff0c\u6700\u540e\u662f\u5408\u8ba1\u884c", None))
#endif // QT_CONFIG(tooltip)
        self.summaryButton.setText(QCoreApplication.translate("ReportTab", u"\u5bfc\u51fa\u5168\u5e02\u6c47\u603b\u8868\u2026", None))
        pass
    # retranslateUi

