"""The package's layers, read from its source: every import statement, also those inside functions
(a lazy import is still a dependency). shared/architecture.md gives the picture:

    ui (PySide6) ──> services ──> storage (SQLAlchemy) ──> the database file
                        │    └──> documents (reportlab, openpyxl, python-docx)
                        └──────> domain (the rules: standard library and a few pure helpers)

``app.py`` and ``__main__.py`` wire the layers; the demo generator is a client of the services and
of storage's bulk writer, like a script. A test here fails on a rule broken and names the import."""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xinye_desktop"

# Third-party packages the domain may use: each is pure Python, computes and touches no file or screen.
DOMAIN_HELPERS = {"stdnum", "pypinyin", "cn2an"}

# Which of the package's own layers each layer may import.
ALLOWED = {
    "domain": {"domain"},
    "storage": {"storage", "domain", "paths"},
    "documents": {"documents", "domain", "paths", "about"},
    "services": {"services", "storage", "documents", "domain", "paths", "about"},
    "demo": {"demo", "services", "storage", "documents", "domain", "paths"},
    "ui": {"ui", "services", "documents", "domain", "paths", "about"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if "migrations" in relative.parts:  # Alembic's revisions are storage's own scripts
            continue
        name = ".".join(relative.parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(name: str) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the module, relative ones resolved."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            for alias in node.names:  # "from . import x" may name a module
                candidate = f"{target}.{alias.name}"
                found.append((candidate if candidate in MODULES else target, node.lineno))
    return found


def _own(target: str) -> str | None:
    """The package module an import refers to (a name inside a module counts as the module)."""
    if not target.startswith("xinye_desktop"):
        return None
    while target not in MODULES and "." in target:
        target = target.rpartition(".")[0]
    return target


def _layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def _edges():
    for name in MODULES:
        for target, line in _imports(name):
            yield name, target, line


def test_the_package_is_read_whole():
    assert len(MODULES) > 100
    for layer in ALLOWED:
        if layer == "demo" and not (PACKAGE / "demo").exists():
            continue
        assert any(_layer(name) == layer for name in MODULES), layer


def test_only_storage_imports_sqlalchemy_and_alembic():
    broken = [f"{name}:{line} imports {target}" for name, target, line in _edges()
              if target.split(".")[0] in ("sqlalchemy", "alembic") and _layer(name) != "storage"]
    assert broken == []


# app.py is the composition root (shared/architecture.md: "the only place that knows every layer; it
# wires them and starts the window"): it creates the QApplication and runs the start-up sequence.
QT_ROOTS = {"xinye_desktop.app"}


def test_only_ui_imports_qt():
    broken = [f"{name}:{line} imports {target}" for name, target, line in _edges()
              if target.split(".")[0] in ("PySide6", "shiboken6") and _layer(name) != "ui"
              and name not in QT_ROOTS]
    assert broken == []


def test_the_domain_uses_the_standard_library_and_its_pure_helpers_only():
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    broken = []
    for name, target, line in _edges():
        if _layer(name) != "domain" or _own(target):
            continue
        top = target.split(".")[0]
        if top not in stdlib and top not in DOMAIN_HELPERS:
            broken.append(f"{name}:{line} imports {target}")
    assert broken == []


def test_no_service_touches_orm_records():
    broken = [f"{name}:{line} imports {target}" for name, target, line in _edges()
              if _layer(name) in ("services", "demo", "") and (_own(target) or "").startswith(
                  "xinye_desktop.storage.records")]
    assert broken == []


def test_the_command_line_goes_through_the_services():
    # __main__.py wires like app.py but opens no database and reads no table itself (issue 14):
    # services/data_folder.py opens the data folder for it.
    broken = [f"{name}:{line} imports {target}" for name, target, line in _edges()
              if name == "xinye_desktop.__main__" and (target.split(".")[0] in ("sqlalchemy", "alembic")
                                                       or _layer(_own(target) or "") == "storage")]
    assert broken == []


def test_each_layer_imports_only_the_layers_below_it():
    broken = []
    for name, target, line in _edges():
        own, layer = _own(target), _layer(name)
        if own is None or layer not in ALLOWED or own == "xinye_desktop":
            continue
        if _layer(own) not in ALLOWED[layer]:
            broken.append(f"{name}:{line} imports {own}")
    assert broken == []


def test_the_version_is_read_from_the_package_root_only():
    # The package root holds the version and nothing that imports a layer.
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                and getattr(node, "module", "") not in ("__future__",)]


def _cycles() -> list[list[str]]:
    graph = defaultdict(set)
    for name, target, _line in _edges():
        own = _own(target)
        if own and own != name and own != "xinye_desktop":
            graph[name].add(own)
    # Tarjan's strongly connected components, iteratively (no recursion limit to meet).
    index, low, on_stack, stack, components, counter = {}, {}, set(), [], [], 0
    for root in sorted(MODULES):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
    return components


def test_no_module_imports_itself_through_others():
    assert _cycles() == []


def test_the_cycle_finder_finds_a_cycle(monkeypatch):
    # The finder itself, on a made-up graph: a → b → c → a and d alone.
    fake = {f"xinye_desktop.services.{n}": Path(n) for n in "abcd"}
    links = {"a": "b", "b": "c", "c": "a"}
    monkeypatch.setattr(sys.modules[__name__], "MODULES", fake)
    monkeypatch.setattr(sys.modules[__name__], "_edges", lambda: (
        (f"xinye_desktop.services.{k}", f"xinye_desktop.services.{v}", 1) for k, v in links.items()))
    assert _cycles() == [[f"xinye_desktop.services.{n}" for n in "abc"]]
