"""The package metadata lists every subpackage and ships the bundled resources."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import jzdesk
from jzdesk.app import FONT_FILE, ICON_FILE, resource_path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    source = ROOT / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")
    }
    assert found | {"jzdesk.resources", "jzdesk.guide"} == listed


def test_resources_are_installed_with_their_licence():
    font = resource_path("fonts", FONT_FILE)
    assert font.stat().st_size > 4_000_000
    assert "Apache" in resource_path("fonts", "wqy-microhei.LICENSE.txt").read_text("utf-8")
    assert resource_path("icons", ICON_FILE).read_bytes().startswith(b"\x89PNG")


def test_version_is_a_release_number():
    parts = jzdesk.__version__.split(".")
    assert len(parts) == 3 and all(part.isdigit() for part in parts)


def test_the_user_guide_is_package_data_with_its_pictures():
    """Every file the help window shows is matched by the package-data patterns, so a
    wheel or an installer carries the whole guide."""
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["jzdesk.guide"]
    folder = ROOT / config["tool"]["setuptools"]["package-dir"]["jzdesk.guide"]
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    shipped = [f for f in files if any(fnmatch(f, pattern) for pattern in patterns)]
    assert "index.md" in shipped and any(f.startswith("images/") for f in shipped)
    assert sorted(set(files) - set(shipped)) == ["__init__.py"]  # a module, shipped as one
