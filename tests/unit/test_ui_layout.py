"""No file in ``desktop/ui`` holds more than one main class: a second window, dialog, page, panel or model gets
its own file, so a tab is split the Vorta way and a file's name says what it holds (design.md §2)."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

UI = Path(desktop.__file__).resolve().parent / "ui"

# A public top-level class longer than this counts as a main class; shorter ones (an enum, a delegate, an
# exception, a small dialog used only by the class beside it) may stay beside the class they serve.
MAX_HELPER_LINES = 40

# Files that still hold more than one main class, each with the reason; the test fails on a file that breaks
# the rule and is not listed here, and on a listed file that no longer breaks it.
NOT_YET_SPLIT: dict[str, str] = {}


def main_classes(source: str) -> list[str]:
    """The public top-level classes of ``source`` longer than ``MAX_HELPER_LINES`` lines."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            end = node.end_lineno if node.end_lineno is not None else node.lineno
            if end - node.lineno + 1 > MAX_HELPER_LINES:
                found.append(node.name)
    return found


def crowded_files() -> dict[str, list[str]]:
    """Every file under ``desktop/ui`` with more than one main class, and those classes."""
    crowded = {}
    for path in sorted(UI.rglob("*.py")):
        classes = main_classes(path.read_text(encoding="utf-8"))
        if len(classes) > 1:
            crowded[path.relative_to(UI).as_posix()] = classes
    return crowded


def _class(name: str, lines: int) -> str:
    return f"class {name}:\n" + "    x = 1\n" * (lines - 1)


def test_main_classes_counts_only_public_classes_over_the_limit() -> None:
    source = "\n".join(
        [
            _class("Panel", 120),
            _class("EditDialog", MAX_HELPER_LINES + 1),
            _class("SmallDialog", MAX_HELPER_LINES),
            _class("_Helper", 200),
        ]
    )
    assert main_classes(source) == ["Panel", "EditDialog"]
    assert main_classes("def f() -> None:\n    pass\n") == []


def test_no_ui_file_holds_more_than_one_main_class() -> None:
    crowded = crowded_files()
    assert {f: c for f, c in crowded.items() if f not in NOT_YET_SPLIT} == {}
    assert sorted(set(NOT_YET_SPLIT) - set(crowded)) == [], "split already: take these off NOT_YET_SPLIT"
