"""No module of the app uses another module's private (``_``-prefixed) name: what two modules share is made
public in ``common``, ``tabular`` or ``ui/widgets`` and tested there once (design.md §2)."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

ROOT = Path(desktop.__file__).resolve().parent

# Crossings that remain until the shared import reader (issue 11 item 2) and ui/widgets (item 4) replace them;
# each entry is "file: name". The test fails on any crossing not listed here, and on an entry that is gone.
NOT_YET_MOVED: set[str] = set()


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_of(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def crossings() -> set[str]:
    """Every use of another module's private name: ``from x import _y`` and ``x._y`` on an imported module."""
    found = set()
    for path in sorted(ROOT.rglob("*.py")):
        here = _module_of(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: dict[str, str] = {}  # local name -> imported desktop module
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("desktop"):
                for alias in node.names:
                    if _private(alias.name) and node.module != here:
                        found.add(f"{path.relative_to(ROOT.parent)}: {node.module}.{alias.name}")
                    modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("desktop"):
                        # ``import desktop.x.y as z`` binds z to desktop.x.y; without ``as`` only "desktop" is bound
                        modules[alias.asname or "desktop"] = alias.name if alias.asname else "desktop"
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
                and _private(node.attr)
                and modules[node.value.id] != here
            ):
                found.add(f"{path.relative_to(ROOT.parent)}: {modules[node.value.id]}.{node.attr}")
    return found


def test_no_module_uses_another_modules_private_name() -> None:
    found = crossings()
    assert sorted(found - NOT_YET_MOVED) == []
    assert sorted(NOT_YET_MOVED - found) == [], "moved already: take these off NOT_YET_MOVED"


def test_the_walk_finds_a_private_import(tmp_path: Path) -> None:
    """The walk itself: both forms of crossing are seen in a file written for the purpose."""
    probe = ROOT / "_probe_private_names.py"
    probe.write_text(
        "from desktop.ui.tasks import _Job\nfrom desktop.services.letters import incoming_io\n"
        "incoming_io._helper()\n",
        encoding="utf-8",
    )
    try:
        found = crossings()
    finally:
        probe.unlink()
    assert "desktop/_probe_private_names.py: desktop.ui.tasks._Job" in found
    assert "desktop/_probe_private_names.py: desktop.services.letters.incoming_io._helper" in found
