"""Office laptops of 1366×768 and 1280×720: the window fits the screen and every control
can be reached (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QPushButton

from jzdesk.ui.views import main_window

TASKBAR = 40


def inside(widget, window) -> bool:
    """Whether all of ``widget`` lies within the window's own area."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1280, 720)], ids=str)
def test_the_window_fits_and_every_control_can_be_reached(open_window, screen, qtbot):
    size = main_window._default_size(screen - QSize(0, TASKBAR))
    assert size.height() + main_window.TITLE_BAR_HEIGHT + TASKBAR <= screen.height()
    window = open_window()
    window.resize(size)
    window.show_tab("records")
    tab = window.records_tab
    qtbot.waitUntil(lambda: inside(tab.ui.totalsTable, window))
    assert inside(window.statusBar(), window) and window.home_label.isVisible()

    window.show_tab("report")
    controls = window.report_tab.ui.controls
    scroller = controls.parentWidget().parentWidget()
    assert controls.width() <= scroller.viewport().width()  # nothing cut at the side
    for button in controls.findChildren(QPushButton):
        scroller.ensureWidgetVisible(button)
        assert not button.visibleRegion().isEmpty(), button.text()
