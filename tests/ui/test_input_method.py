"""Chinese input on desktops that run fcitx (UOS, Kylin): PySide6 has no fcitx plugin, so
the program asks for the ibus plugin and the ibus portal, which fcitx5 serves."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from jzdesk.app import input_method_environment


@pytest.mark.parametrize("asked", ["fcitx", "fcitx5"])
def test_a_fcitx_desktop_gets_the_ibus_plugin_through_the_portal(asked):
    assert input_method_environment({"QT_IM_MODULE": asked}) == {
        "QT_IM_MODULE": "ibus",
        "IBUS_USE_PORTAL": "1",
    }


@pytest.mark.parametrize("environ", [{}, {"QT_IM_MODULE": "ibus"}, {"QT_IM_MODULE": "compose"}])
def test_other_choices_are_left_alone(environ):
    assert input_method_environment(environ) == {}


@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="ibus and fcitx are Linux input methods; Windows has its own (IMM/TSF)",
)
def test_the_window_loads_the_ibus_plugin_when_the_desktop_asks_for_fcitx(tmp_path):
    """A real start of the program with QT_IM_MODULE=fcitx: Qt's plugin log shows the
    ibus input-method plugin loaded."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_IM_MODULE": "fcitx",
        "QT_DEBUG_PLUGINS": "1",
    }
    env.pop("JZDESK_DB", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jzdesk",
            "--db",
            str(tmp_path / "x.sqlite"),
            "gui",
            "--screenshot",
            str(tmp_path / "shots"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = [line for line in result.stderr.splitlines() if "loaded library" in line]
    assert any("libibusplatforminputcontextplugin" in line for line in loaded), loaded


def test_offscreen_qt_on_windows_finds_the_bundled_font_folder():
    """Qt's offscreen platform on Windows warned "Cannot find font directory"."""
    from jzdesk.app import font_folder_environment, resource_path

    folder = font_folder_environment({}, "win32")["QT_QPA_FONTDIR"]
    assert folder == str(resource_path("fonts"))
    assert (resource_path("fonts") / "wqy-microhei.ttc").is_file()
    assert font_folder_environment({"QT_QPA_FONTDIR": "D:\\fonts"}, "win32") == {}
    assert font_folder_environment({}, "linux") == {}
