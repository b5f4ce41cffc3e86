"""What the About dialog says: the version, how this copy was built, and the licences of what it bundles.

Plain Python, no Qt. A source checkout works the facts out live (the dependency closure of
pyproject.toml, licence files from each installed distribution); build.spec writes the same facts into
the bundle (``build-info.json``, ``licenses/``), because a frozen app has no site-packages to look in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import shutil
import struct
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import __version__
from .paths import bundle_dir, resources_dir

BUILD_INFO_FILE = "build-info.json"
LICENCES_DIR = "licenses"
NOTICES_FILE = "notices.json"
NOTICES_TEXT = "THIRD-PARTY-NOTICES.txt"
APP_DISTRIBUTION = "xinye-desktop"

# Distributions that ship no licence file of their own: the text of the licence we use them under.
# Qt for Python is offered as LGPL-3.0 OR GPL; we use it under the LGPL, which builds on the GPL's text.
_FALLBACK_TEXTS = {"pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
                   "pyside6-addons": ("LGPL-3.0.txt", "GPL-3.0.txt"),
                   "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt")}
_LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors|copyright)", re.IGNORECASE)


@dataclass(frozen=True)
class BuildInfo:
    version: str
    frozen: bool
    built_at: str | None = None  # ISO 8601 with the build machine's UTC offset; None from source
    commit: str | None = None
    python: str = field(default_factory=platform.python_version)
    system: str = ""

    def built_on(self) -> str | None:
        """The build time as 'YYYY-MM-DD HH:MM' (the build machine's local time)."""
        if not self.built_at:
            return None
        try:
            return dt.datetime.fromisoformat(self.built_at).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return self.built_at


@dataclass(frozen=True)
class Component:
    """Something the app ships or runs on, with the licence it is used under and that licence's text."""

    name: str
    version: str
    licence: str
    texts: tuple[Path, ...] = ()

    def licence_text(self) -> str:
        parts = []
        for path in self.texts:
            try:
                body = path.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                continue
            parts.append(body if len(self.texts) == 1 else f"===== {path.name} =====\n\n{body}")
        return "\n\n".join(parts)


# -------------------------------------------------------------------------------- build facts

def build_info() -> BuildInfo:
    folder = bundle_dir()
    if folder is None:
        return BuildInfo(version=__version__, frozen=False, system=platform.platform(terse=True))
    try:
        data = json.loads((folder / BUILD_INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    return BuildInfo(version=__version__, frozen=True, built_at=data.get("built_at"), commit=data.get("commit"),
                     python=platform.python_version(), system=platform.platform(terse=True))


def write_build_info(path: Path, commit: str | None = None) -> None:
    """Called by build.spec: the moment and the source of this build, read back by build_info()."""
    built_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    data = {"version": __version__, "built_at": built_at, "commit": commit,
            "python": platform.python_version(), "built_on": platform.platform(terse=True)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


# -------------------------------------------------------------------------------- components

def components() -> list[Component]:
    """Everything whose licence the About dialog lists: from the bundle's notices when frozen."""
    folder = bundle_dir()
    if folder is not None:
        return read_notices(folder / LICENCES_DIR)
    return collect_components()


def collect_components(extra_distributions: tuple[str, ...] = ()) -> list[Component]:
    """The Python runtime, Qt, the bundled fonts and every distribution the app depends on (its
    pyproject.toml dependencies, followed transitively through the installed metadata). Extra
    distributions are listed without their own dependencies (PyInstaller: only its bootloader ships)."""
    found = [_python_component(), *_font_components()]
    for name in extra_distributions:
        try:
            found.append(_distribution_component(metadata.distribution(name)))
        except metadata.PackageNotFoundError:
            pass
    names = list(_app_requirements())
    seen: set[str] = {_canonical(n) for n in extra_distributions}
    while names:
        name = _canonical(names.pop(0))
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or platform-specific dependency that is not installed here
        found.append(_distribution_component(dist))
        names.extend(_requirement_name(r) for r in dist.requires or () if "extra ==" not in r)
    return sorted(found, key=lambda c: c.name.lower())


def write_notices(target: Path, extra_distributions: tuple[str, ...] = ()) -> list[Component]:
    """Called by build.spec: copy every licence text into ``target`` (one folder per component) and
    write notices.json, read back by read_notices(), and a plain-text summary for the install folder."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    entries, summary = [], []
    for component in collect_components(extra_distributions):
        slug = re.sub(r"[^A-Za-z0-9.]+", "-", component.name).strip("-")
        copied = []
        for index, text in enumerate(component.texts):
            name = text.name if text.name not in {Path(c).name for c in copied} else f"{index}-{text.name}"
            (target / slug).mkdir(exist_ok=True)
            shutil.copyfile(text, target / slug / name)
            copied.append(f"{slug}/{name}")
        entries.append({"name": component.name, "version": component.version, "licence": component.licence,
                        "texts": copied})
        summary.append(f"{component.name} {component.version}: {component.licence}"
                       + "".join(f"\n    {LICENCES_DIR}/{c}" for c in copied))
    (target / NOTICES_FILE).write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    (target / NOTICES_TEXT).write_text(
        f"三理室调解台 {__version__}: third-party components and their licences\n\n" + "\n".join(summary) + "\n",
        encoding="utf-8")
    return [Component(e["name"], e["version"], e["licence"], tuple(target / t for t in e["texts"]))
            for e in entries]


def read_notices(folder: Path) -> list[Component]:
    try:
        entries = json.loads((folder / NOTICES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Component(e["name"], e["version"], e["licence"], tuple(folder / t for t in e["texts"]))
            for e in entries]


# -------------------------------------------------------------------------------- helpers

def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return match.group(1) if match else requirement


def _app_requirements() -> list[str]:
    """The runtime dependencies: pyproject.toml in a checkout (the truth even before a reinstall),
    else the installed package's metadata."""
    pyproject = resources_dir().parent / "pyproject.toml"
    if pyproject.exists():
        import tomllib

        with pyproject.open("rb") as stream:
            return [_requirement_name(r) for r in tomllib.load(stream)["project"]["dependencies"]]
    try:
        requires = metadata.distribution(APP_DISTRIBUTION).requires or ()
    except metadata.PackageNotFoundError:
        return []
    return [_requirement_name(r) for r in requires if "extra ==" not in r]


def _licence_name(meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or ()
                   if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text
    return "see licence text"


def _distribution_component(dist) -> Component:
    meta = dist.metadata
    name = meta["Name"]
    texts = []
    for file in dist.files or ():
        in_info = any(part.endswith((".dist-info", ".egg-info")) for part in file.parts[:-1])
        if in_info and (_LICENCE_FILE.match(file.name) or "licenses" in file.parts[:-1]):
            path = Path(dist.locate_file(file))
            if path.is_file():
                texts.append(path)
    texts.sort(key=lambda p: p.name)
    if not texts:  # in the order given: the LGPL first, then the GPL it builds on
        texts = [resources_dir() / LICENCES_DIR / n for n in _FALLBACK_TEXTS.get(_canonical(name), ())]
    return Component(name, meta["Version"], _licence_name(meta), tuple(texts))


def _python_component() -> Component:
    candidates = (Path(os.__file__).parent / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt",
                  resources_dir() / LICENCES_DIR / "Python-LICENSE.txt")
    texts = tuple(p for p in candidates[:2] if p.is_file())[:1] or (candidates[2],)
    return Component("Python", platform.python_version(), "PSF-2.0", texts)


def _font_components() -> list[Component]:
    fonts = resources_dir() / "fonts"
    return [Component("Noto Sans SC", font_version(fonts / "NotoSansSC-Regular.ttf"), "OFL-1.1",
                      (fonts / "NotoSansSC-OFL.txt",)),
            Component("HanaMinB (subset)", font_version(fonts / "HanaMinB-ExtBCD.ttf"), "OFL-1.1",
                      (fonts / "HanaMinB-LICENSE.txt",))]


def font_version(path: Path) -> str:
    """The version string of a TrueType font's name table (name ID 5), e.g. '2.004'; '' if unreadable."""
    try:
        with path.open("rb") as stream:
            num_tables = struct.unpack(">4xH6x", stream.read(12))[0]
            directory = stream.read(16 * num_tables)
            for i in range(num_tables):
                tag, _checksum, offset, _length = struct.unpack(">4sIII", directory[16 * i:16 * i + 16])
                if tag == b"name":
                    break
            else:
                return ""
            stream.seek(offset)
            _format, count, strings = struct.unpack(">HHH", stream.read(6))
            records = stream.read(12 * count)
            for i in range(count):
                pid, eid, _lang, name_id, length, start = struct.unpack(">6H", records[12 * i:12 * i + 12])
                if name_id == 5 and (pid, eid) in ((3, 1), (0, 3), (0, 4)):
                    stream.seek(offset + strings + start)
                    text = stream.read(length).decode("utf-16-be", errors="replace")
                    return re.sub(r"^Version\s*", "", text).split(";")[0].strip()
    except (OSError, struct.error):
        pass
    return ""
