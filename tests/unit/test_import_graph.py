"""The app's import graph has no circle (issue 11): a circle ties two files so that neither can move alone."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp


def import_circles(package: str) -> list[list[str]]:
    """Every group of modules that import each other round a circle (strongly connected, size > 1)."""
    graph = grimp.build_graph(package, cache_dir=None)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles = []
    for root in sorted(edges):
        if root in order:
            continue
        # Tarjan's algorithm without recursion: (module, index of the next edge to follow)
        work = [(root, 0)]
        while work:
            module, i = work.pop()
            if i == 0:
                order[module] = low[module] = len(order)
                stack.append(module)
                on_stack.add(module)
            if i < len(edges[module]):
                work.append((module, i + 1))
                target = edges[module][i]
                if target not in order:
                    work.append((target, 0))
                elif target in on_stack:
                    low[module] = min(low[module], order[target])
                continue
            if low[module] == order[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    circles.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
    return circles


def test_the_app_imports_no_circle() -> None:
    assert import_circles("desktop") == []


def test_a_circle_is_found(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The walk itself, on a small package written for the purpose: a -> b -> c -> a, and d on its own."""
    package = tmp_path / "lingkar"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from lingkar import b\n")
    (package / "b.py").write_text("from lingkar import c\n")
    (package / "c.py").write_text("import lingkar.a\n")
    (package / "d.py").write_text("from lingkar import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "lingkar", raising=False)
    assert import_circles("lingkar") == [["lingkar.a", "lingkar.b", "lingkar.c"]]
