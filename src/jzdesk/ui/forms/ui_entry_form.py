# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entry_form.ui'
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
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QListView, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_EntryForm(object):
    def setupUi(self, EntryForm):
        if not EntryForm.objectName():
            EntryForm.setObjectName(u"EntryForm")
        self.outerLayout = QVBoxLayout(EntryForm)
        self.outerLayout.setSpacing(4)
        self.outerLayout.setObjectName(u"outerLayout")
        self.modeLabel = QLabel(EntryForm)
        self.modeLabel.setObjectName(u"modeLabel")
        self.modeLabel.setStyleSheet(u"font-weight: bold;")

        self.outerLayout.addWidget(self.modeLabel)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.dateLabel = QLabel(EntryForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.grid.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.dateEdit = QDateEdit(EntryForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.grid.addWidget(self.dateEdit, 0, 1, 1, 1)

        self.typeLabel = QLabel(EntryForm)
        self.typeLabel.setObjectName(u"typeLabel")

        self.grid.addWidget(self.typeLabel, 0, 2, 1, 1)

        self.typeButtons = QWidget(EntryForm)
        self.typeButtons.setObjectName(u"typeButtons")
        self.typeLayout = QHBoxLayout(self.typeButtons)
        self.typeLayout.setSpacing(4)
        self.typeLayout.setObjectName(u"typeLayout")
        self.typeLayout.setContentsMargins(0, 0, 0, 0)

        self.grid.addWidget(self.typeButtons, 0, 3, 1, 3)

        self.dateError = QLabel(EntryForm)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setStyleSheet(u"color: #b3261e;")
        self.dateError.setWordWrap(True)

        self.grid.addWidget(self.dateError, 1, 1, 1, 1)

        self.sessionsLabel = QLabel(EntryForm)
        self.sessionsLabel.setObjectName(u"sessionsLabel")

        self.grid.addWidget(self.sessionsLabel, 2, 0, 1, 1)

        self.sessionsSpin = QSpinBox(EntryForm)
        self.sessionsSpin.setObjectName(u"sessionsSpin")
        self.sessionsSpin.setMinimum(0)
        self.sessionsSpin.setMaximum(9999)
        self.sessionsSpin.setValue(1)

        self.grid.addWidget(self.sessionsSpin, 2, 1, 1, 1)

        self.audienceLabel = QLabel(EntryForm)
        self.audienceLabel.setObjectName(u"audienceLabel")

        self.grid.addWidget(self.audienceLabel, 2, 2, 1, 1)

        self.audienceSpin = QSpinBox(EntryForm)
        self.audienceSpin.setObjectName(u"audienceSpin")
        self.audienceSpin.setMinimum(0)
        self.audienceSpin.setMaximum(9999999)

        self.grid.addWidget(self.audienceSpin, 2, 3, 1, 1)

        self.deliveryLabel = QLabel(EntryForm)
        self.deliveryLabel.setObjectName(u"deliveryLabel")

        self.grid.addWidget(self.deliveryLabel, 2, 4, 1, 1)

        self.deliveryCombo = QComboBox(EntryForm)
        self.deliveryCombo.setObjectName(u"deliveryCombo")

        self.grid.addWidget(self.deliveryCombo, 2, 5, 1, 1)

        self.sessionsError = QLabel(EntryForm)
        self.sessionsError.setObjectName(u"sessionsError")
        self.sessionsError.setStyleSheet(u"color: #b3261e;")

        self.grid.addWidget(self.sessionsError, 3, 1, 1, 1)

        self.audienceError = QLabel(EntryForm)
        self.audienceError.setObjectName(u"audienceError")
        self.audienceError.setStyleSheet(u"color: #b3261e;")

        self.grid.addWidget(self.audienceError, 3, 3, 1, 1)

        self.titleLabel = QLabel(EntryForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.grid.addWidget(self.titleLabel, 4, 0, 1, 1)

        self.titleEdit = QLineEdit(EntryForm)
        self.titleEdit.setObjectName(u"titleEdit")

        self.grid.addWidget(self.titleEdit, 4, 1, 1, 5)

        self.venueLabel = QLabel(EntryForm)
        self.venueLabel.setObjectName(u"venueLabel")

        self.grid.addWidget(self.venueLabel, 5, 0, 1, 1)

        self.venueEdit = QLineEdit(EntryForm)
        self.venueEdit.setObjectName(u"venueEdit")

        self.grid.addWidget(self.venueEdit, 5, 1, 1, 3)

        self.categoryLabel = QLabel(EntryForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.grid.addWidget(self.categoryLabel, 5, 4, 1, 1)

        self.categoryCombo = QComboBox(EntryForm)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.grid.addWidget(self.categoryCombo, 5, 5, 1, 1)

        self.presenterLabel = QLabel(EntryForm)
        self.presenterLabel.setObjectName(u"presenterLabel")

        self.grid.addWidget(self.presenterLabel, 6, 0, 1, 1)

        self.presenterEdit = QLineEdit(EntryForm)
        self.presenterEdit.setObjectName(u"presenterEdit")

        self.grid.addWidget(self.presenterEdit, 6, 1, 1, 3)

        self.flagsLayout = QHBoxLayout()
        self.flagsLayout.setObjectName(u"flagsLayout")
        self.demoCheck = QCheckBox(EntryForm)
        self.demoCheck.setObjectName(u"demoCheck")

        self.flagsLayout.addWidget(self.demoCheck)

        self.originalCheck = QCheckBox(EntryForm)
        self.originalCheck.setObjectName(u"originalCheck")

        self.flagsLayout.addWidget(self.originalCheck)

        self.logoCheck = QCheckBox(EntryForm)
        self.logoCheck.setObjectName(u"logoCheck")

        self.flagsLayout.addWidget(self.logoCheck)


        self.grid.addLayout(self.flagsLayout, 6, 4, 1, 2)

        self.mediaLabel = QLabel(EntryForm)
        self.mediaLabel.setObjectName(u"mediaLabel")

        self.grid.addWidget(self.mediaLabel, 7, 0, 1, 1)

        self.mediaLayout = QHBoxLayout()
        self.mediaLayout.setObjectName(u"mediaLayout")
        self.mediaChannelCombo = QComboBox(EntryForm)
        self.mediaChannelCombo.setObjectName(u"mediaChannelCombo")

        self.mediaLayout.addWidget(self.mediaChannelCombo)

        self.mediaLinkEdit = QLineEdit(EntryForm)
        self.mediaLinkEdit.setObjectName(u"mediaLinkEdit")

        self.mediaLayout.addWidget(self.mediaLinkEdit)

        self.mediaAddButton = QPushButton(EntryForm)
        self.mediaAddButton.setObjectName(u"mediaAddButton")
        self.mediaAddButton.setAutoDefault(False)

        self.mediaLayout.addWidget(self.mediaAddButton)

        self.mediaList = QListWidget(EntryForm)
        self.mediaList.setObjectName(u"mediaList")
        self.mediaList.setMaximumHeight(30)

        self.mediaLayout.addWidget(self.mediaList)


        self.grid.addLayout(self.mediaLayout, 7, 1, 1, 5)

        self.notesLabel = QLabel(EntryForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.grid.addWidget(self.notesLabel, 8, 0, 1, 1)

        self.notesEdit = QLineEdit(EntryForm)
        self.notesEdit.setObjectName(u"notesEdit")

        self.grid.addWidget(self.notesEdit, 8, 1, 1, 5)

        self.photosLabel = QLabel(EntryForm)
        self.photosLabel.setObjectName(u"photosLabel")

        self.grid.addWidget(self.photosLabel, 9, 0, 1, 1)

        self.photoList = QListWidget(EntryForm)
        self.photoList.setObjectName(u"photoList")
        self.photoList.setMaximumHeight(60)
        self.photoList.setViewMode(QListView.ViewMode.IconMode)
        self.photoList.setIconSize(QSize(48, 48))
        self.photoList.setFlow(QListView.Flow.LeftToRight)

        self.grid.addWidget(self.photoList, 9, 1, 1, 4)

        self.photoAddButton = QPushButton(EntryForm)
        self.photoAddButton.setObjectName(u"photoAddButton")
        self.photoAddButton.setAutoDefault(False)

        self.grid.addWidget(self.photoAddButton, 9, 5, 1, 1)


        self.outerLayout.addLayout(self.grid)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.statusLabel = QLabel(EntryForm)
        self.statusLabel.setObjectName(u"statusLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy)

        self.buttonRow.addWidget(self.statusLabel)

        self.newButton = QPushButton(EntryForm)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.newButton)

        self.saveButton = QPushButton(EntryForm)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.saveButton)


        self.outerLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.sessionsLabel.setBuddy(self.sessionsSpin)
        self.audienceLabel.setBuddy(self.audienceSpin)
        self.deliveryLabel.setBuddy(self.deliveryCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.venueLabel.setBuddy(self.venueEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.presenterLabel.setBuddy(self.presenterEdit)
        self.mediaLabel.setBuddy(self.mediaChannelCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.sessionsSpin)
        QWidget.setTabOrder(self.sessionsSpin, self.audienceSpin)
        QWidget.setTabOrder(self.audienceSpin, self.deliveryCombo)
        QWidget.setTabOrder(self.deliveryCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.venueEdit)
        QWidget.setTabOrder(self.venueEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.presenterEdit)
        QWidget.setTabOrder(self.presenterEdit, self.demoCheck)
        QWidget.setTabOrder(self.demoCheck, self.originalCheck)
        QWidget.setTabOrder(self.originalCheck, self.logoCheck)
        QWidget.setTabOrder(self.logoCheck, self.mediaChannelCombo)
        QWidget.setTabOrder(self.mediaChannelCombo, self.mediaLinkEdit)
        QWidget.setTabOrder(self.mediaLinkEdit, self.mediaAddButton)
        QWidget.setTabOrder(self.mediaAddButton, self.mediaList)
        QWidget.setTabOrder(self.mediaList, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.photoList)
        QWidget.setTabOrder(self.photoList, self.photoAddButton)
        QWidget.setTabOrder(self.photoAddButton, self.newButton)
        QWidget.setTabOrder(self.newButton, self.saveButton)

        self.retranslateUi(EntryForm)

        QMetaObject.connectSlotsByName(EntryForm)
    # setupUi

    def retranslateUi(self, EntryForm):
        self.modeLabel.setText(QCoreApplication.translate("EntryForm", u"\u65b0\u589e\u6d3b\u52a8\u8bb0\u5f55", None))
        self.dateLabel.setText(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u65e5\u671f", None))
#if QT_CONFIG(tooltip)
        self.dateEdit.setToolTip(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u4e3e\u529e\u7684\u65e5\u671f\uff1a\u76f4\u63a5\u8f93\u5165\u6570\u5b57\uff08\u5982 20210305\uff09\uff0c\u6216\u70b9\u53f3\u8fb9\u7684\u7bad\u5934\u4ece\u65e5\u5386\u4e2d\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("EntryForm", u"yyyy-MM-dd", None))
        self.typeLabel.setText(QCoreApplication.translate("EntryForm", u"\u7c7b\u578b\uff08\u6309 1\u20135\uff09", None))
        self.sessionsLabel.setText(QCoreApplication.translate("EntryForm", u"\u573a\u6b21", None))
#if QT_CONFIG(tooltip)
        self.sessionsSpin.setToolTip(QCoreApplication.translate("EntryForm", u"\u8fd9\u6761\u8bb0\u5f55\u4ee3\u8868\u51e0\u573a\u6d3b\u52a8\uff08\u81f3\u5c11 1 \u573a\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.audienceLabel.setText(QCoreApplication.translate("EntryForm", u"\u53d7\u76ca\u804c\u5de5\uff08\u4eba\u6b21\uff09", None))
#if QT_CONFIG(tooltip)
        self.audienceSpin.setToolTip(QCoreApplication.translate("EntryForm", u"\u53c2\u52a0\u6d3b\u52a8\u7684\u804c\u5de5\u4eba\u6b21", None))
#endif // QT_CONFIG(tooltip)
        self.deliveryLabel.setText(QCoreApplication.translate("EntryForm", u"\u7ec4\u7ec7\u65b9\u5f0f", None))
#if QT_CONFIG(tooltip)
        self.deliveryCombo.setToolTip(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u7684\u7ec4\u7ec7\u65b9\u5f0f\uff1a\u8d2d\u4e70\u670d\u52a1\u3001\u5fd7\u613f\u670d\u52a1\u6216\u81ea\u529e", None))
#endif // QT_CONFIG(tooltip)
        self.titleLabel.setText(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u540d\u79f0\uff08\u5185\u5bb9\uff09", None))
#if QT_CONFIG(tooltip)
        self.titleEdit.setToolTip(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u540d\u79f0\u6216\u5185\u5bb9\uff0c\u5370\u5728\u7edf\u8ba1\u8868\u7684\u201c\u6d3b\u52a8\u540d\u79f0\uff08\u5185\u5bb9\uff09\u201d\u4e00\u680f", None))
#endif // QT_CONFIG(tooltip)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u4f8b\u5982\uff1a\u201c\u4e2d\u56fd\u68a6\u00b7\u52b3\u52a8\u7f8e\u00b7\u5de5\u4f1a\u60c5\u201d\u6587\u827a\u6f14\u51fa\u8fdb\u4f01\u4e1a", None))
        self.venueLabel.setText(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u5730\u70b9\uff08\u670d\u52a1\u5bf9\u8c61\uff09", None))
#if QT_CONFIG(tooltip)
        self.venueEdit.setToolTip(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u5730\u70b9\u548c\u670d\u52a1\u5bf9\u8c61\uff1b\u4f1a\u63d0\u793a\u672c\u5355\u4f4d\u4ee5\u524d\u586b\u8fc7\u7684\u5730\u70b9", None))
#endif // QT_CONFIG(tooltip)
        self.venueEdit.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u4f8b\u5982\uff1a\u6c81\u9633\u94a2\u5382\u4e00\u8f66\u95f4\u804c\u5de5", None))
        self.categoryLabel.setText(QCoreApplication.translate("EntryForm", u"\u573a\u6240\u7c7b\u522b", None))
#if QT_CONFIG(tooltip)
        self.categoryCombo.setToolTip(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u573a\u6240\u7684\u7c7b\u522b\uff0c\u5982\u5382\u77ff\u4f01\u4e1a\u3001\u57fa\u5c42\u793e\u533a\u3001\u504f\u8fdc\u519c\u6751", None))
#endif // QT_CONFIG(tooltip)
        self.presenterLabel.setText(QCoreApplication.translate("EntryForm", u"\u4e3b\u8bb2\u4eba/\u6f14\u51fa\u56e2\u961f", None))
#if QT_CONFIG(tooltip)
        self.presenterEdit.setToolTip(QCoreApplication.translate("EntryForm", u"\u4e3b\u8bb2\u4eba\u6216\u6f14\u51fa\u56e2\u961f\uff08\u4e13\u5bb6\u3001\u6559\u5e08\u3001\u5267\u56e2\u7b49\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.demoCheck.setToolTip(QCoreApplication.translate("EntryForm", u"\u793a\u8303\u6027\u6d3b\u52a8\u8ba1\u5165\u5b9e\u65bd\u65b9\u6848\u89c4\u5b9a\u7684\u793a\u8303\u6027\u6f14\u51fa\u3001\u9001\u7535\u5f71\u7684\u6700\u4f4e\u573a\u6b21", None))
#endif // QT_CONFIG(tooltip)
        self.demoCheck.setText(QCoreApplication.translate("EntryForm", u"\u793a\u8303\u6027", None))
#if QT_CONFIG(tooltip)
        self.originalCheck.setToolTip(QCoreApplication.translate("EntryForm", u"\u8282\u76ee\u6216\u4f5c\u54c1\u7531\u804c\u5de5\u539f\u521b", None))
#endif // QT_CONFIG(tooltip)
        self.originalCheck.setText(QCoreApplication.translate("EntryForm", u"\u804c\u5de5\u539f\u521b", None))
#if QT_CONFIG(tooltip)
        self.logoCheck.setToolTip(QCoreApplication.translate("EntryForm", u"\u6d3b\u52a8\u73b0\u573a\u5c55\u793a\u4e86\u6d3b\u52a8\u6807\u8bc6\uff08\u80cc\u666f\u677f\u6216\u6a2a\u5e45\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.logoCheck.setText(QCoreApplication.translate("EntryForm", u"\u5c55\u793a\u6d3b\u52a8\u6807\u8bc6", None))
        self.mediaLabel.setText(QCoreApplication.translate("EntryForm", u"\u5a92\u4f53\u5ba3\u4f20", None))
#if QT_CONFIG(tooltip)
        self.mediaChannelCombo.setToolTip(QCoreApplication.translate("EntryForm", u"\u62a5\u9053\u8fd9\u6b21\u6d3b\u52a8\u7684\u5a92\u4f53\u7c7b\u522b", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.mediaLinkEdit.setToolTip(QCoreApplication.translate("EntryForm", u"\u62a5\u9053\u7684\u94fe\u63a5\u6216\u7248\u9762\uff0c\u53ef\u4ee5\u4e0d\u586b", None))
#endif // QT_CONFIG(tooltip)
        self.mediaLinkEdit.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u62a5\u9053\u94fe\u63a5\u6216\u7248\u9762\uff08\u53ef\u4e0d\u586b\uff09", None))
#if QT_CONFIG(tooltip)
        self.mediaAddButton.setToolTip(QCoreApplication.translate("EntryForm", u"\u628a\u5de6\u8fb9\u7684\u62a5\u9053\u52a0\u5165\u53f3\u8fb9\u7684\u5217\u8868", None))
#endif // QT_CONFIG(tooltip)
        self.mediaAddButton.setText(QCoreApplication.translate("EntryForm", u"\u6dfb\u52a0\u62a5\u9053", None))
#if QT_CONFIG(tooltip)
        self.mediaList.setToolTip(QCoreApplication.translate("EntryForm", u"\u9009\u4e2d\u540e\u6309 Delete \u5220\u9664", None))
#endif // QT_CONFIG(tooltip)
        self.notesLabel.setText(QCoreApplication.translate("EntryForm", u"\u5907\u6ce8", None))
#if QT_CONFIG(tooltip)
        self.notesEdit.setToolTip(QCoreApplication.translate("EntryForm", u"\u5176\u4ed6\u9700\u8981\u8bf4\u660e\u7684\u60c5\u51b5\uff0c\u5370\u5728\u7edf\u8ba1\u8868\u7684\u201c\u5907\u6ce8\u201d\u4e00\u680f", None))
#endif // QT_CONFIG(tooltip)
        self.photosLabel.setText(QCoreApplication.translate("EntryForm", u"\u7167\u7247", None))
#if QT_CONFIG(tooltip)
        self.photoList.setToolTip(QCoreApplication.translate("EntryForm", u"\u628a\u7167\u7247\u6587\u4ef6\u62d6\u5230\u8fd9\u91cc\uff0c\u6216\u70b9\u201c\u6dfb\u52a0\u7167\u7247\u201d\uff1b\u9009\u4e2d\u540e\u6309 Delete \u5220\u9664", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.photoAddButton.setToolTip(QCoreApplication.translate("EntryForm", u"\u9009\u62e9\u6d3b\u52a8\u7167\u7247\uff08\u538b\u7f29\u540e\u4fdd\u5b58\u5728\u6570\u636e\u5e93\u91cc\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.photoAddButton.setText(QCoreApplication.translate("EntryForm", u"\u6dfb\u52a0\u7167\u7247\u2026", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("EntryForm", u"\u6e05\u7a7a\u767b\u8bb0\u8868\uff0c\u5f00\u59cb\u767b\u8bb0\u4e00\u6761\u65b0\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("EntryForm", u"\u65b0\u5efa", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("EntryForm", u"\u4fdd\u5b58\u8fd9\u6761\u8bb0\u5f55\uff08Enter \u6216 Ctrl+S\uff09\uff0c\u7136\u540e\u5f00\u59cb\u4e0b\u4e00\u6761", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("EntryForm", u"\u4fdd\u5b58 (Enter)", None))
        pass
    # retranslateUi

