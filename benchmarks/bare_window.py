"""The reference of the window row (PRODUCT §9): a bare PySide6 window showing one table,
from process start until it has been shown and painted, nothing else."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv)
model = QStandardItemModel(50, 12)
for row in range(50):
    for column in range(12):
        model.setItem(row, column, QStandardItem(f"{row}-{column}"))
table = QTableView()
table.setModel(model)
window = QMainWindow()
window.setCentralWidget(table)
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)  # as jzdesk's JZDESK_QUIT_AFTER_SHOW: after the first paint
sys.exit(app.exec())
