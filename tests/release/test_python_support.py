"""Issue 21: requires-python says 3.9, so no code of ours may need a newer Python.

vermin (scripts/release_check.sh, .ci/run) checks the standard library and language features
statically; these tests cover what it does not, without running 3.9: every file parses with 3.9's
grammar (no `match`, no `except*`), and no `X | Y` type is evaluated at run time, where 3.9 raises
TypeError: not in an annotation that is evaluated (a module without `from __future__ import
annotations`, or one that typer reads: it resolves the command annotations when the CLI starts),
and not in an expression such as `isinstance(x, int | None)`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.release.project import ROOT, python_files, python_floor, version_tuple

FILES = python_files()
BUILTIN_TYPES = {"None", "int", "str", "bytes", "bool", "float", "list", "dict", "tuple", "set", "frozenset", "type"}


def _ids(paths):
    return [p.relative_to(ROOT).as_posix() for p in paths]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path),
                     feature_version=version_tuple(python_floor()))


def _annotations(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = node.args
            for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs + [arguments.vararg,
                                                                                             arguments.kwarg]:
                if argument is not None and argument.annotation is not None:
                    yield argument.annotation
            if node.returns is not None:
                yield node.returns
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation


def _unions(node: ast.AST):
    return [n for n in ast.walk(node) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.BitOr)]


def _postponed(tree: ast.Module) -> bool:
    return any(isinstance(n, ast.ImportFrom) and n.module == "__future__" and any(a.name == "annotations" for a in n.names)
               for n in tree.body)


def _reads_annotations_at_run_time(tree: ast.Module) -> bool:
    """typer builds its commands from the functions' resolved annotations."""
    return any((isinstance(n, ast.Import) and any(a.name == "typer" for a in n.names))
               or (isinstance(n, ast.ImportFrom) and n.module == "typer") for n in ast.walk(tree))


def _type_like(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and node.value is None:
        return True
    if isinstance(node, ast.Name) and node.id in BUILTIN_TYPES:
        return True
    if isinstance(node, ast.Subscript):  # Optional[...], list[str], ...
        return True
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr) and _type_like(node.left)


def test_the_files_are_found():
    assert len(FILES) > 50 and ROOT / "src" / "amplify_shim" / "shim.py" in FILES


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_parses_with_the_oldest_supported_grammar(path):
    _tree(path)  # SyntaxError names the line


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_no_union_type_is_evaluated_at_run_time(path):
    tree = _tree(path)
    evaluated = not _postponed(tree) or _reads_annotations_at_run_time(tree)
    in_annotations = [u.lineno for a in _annotations(tree) for u in _unions(a)] if evaluated else []
    assert not in_annotations, f"{path.name}: X | Y in an annotation Python 3.9 evaluates (lines {in_annotations})"
    annotation_nodes = {id(n) for a in _annotations(tree) for n in ast.walk(a)}
    in_code = [u.lineno for u in _unions(tree) if id(u) not in annotation_nodes
               and (_type_like(u.left) or _type_like(u.right))]
    assert not in_code, f"{path.name}: X | Y of types outside annotations (lines {in_code}): use Optional/Union"


def _imports(node: ast.AST, module: str):
    return [n for n in ast.walk(node) if isinstance(n, ast.Import) and any(a.name == module for a in n.names)]


def test_a_newer_module_is_imported_only_with_its_marked_fallback():
    """`import tomllib` (3.11) sits in a try whose except imports tomli, on a line marked for vermin."""
    guarded = 0
    for path in FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = _tree(path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try):
                continue
            for statement in node.body:
                if statement in _imports(statement, "tomllib"):
                    guarded += 1
                    assert "# novermin" in lines[statement.lineno - 1], f"{path.name}:{statement.lineno}"
                    assert any(_imports(handler, "tomli") for handler in node.handlers), f"{path.name}:{statement.lineno}"
        everywhere = _imports(tree, "tomllib")
        in_try = [s for n in ast.walk(tree) if isinstance(n, ast.Try) for s in n.body if s in everywhere]
        assert len(in_try) == len(everywhere), f"{path.name}: import tomllib without the tomli fallback"
    assert guarded >= 1
