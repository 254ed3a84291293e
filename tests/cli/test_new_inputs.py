"""The files issue 20 reads (threats F17, F18, F19): a FIFO or junk never hangs or crashes, each is one warning."""

from __future__ import annotations

import os

import pytest

from amplify_shim import context

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


def gen2(root):
    os.makedirs(os.path.join(root, "amplify"), exist_ok=True)
    return root


def test_a_huge_backend_ts_is_a_warning_not_read(tmp_path):
    root = str(tmp_path / "app")
    os.makedirs(os.path.join(root, "amplify"))
    with open(os.path.join(root, "amplify", "backend.ts"), "wb") as handle:
        handle.truncate(64 << 20)  # sparse: 64 MiB that are never read
    ctx = context.detect(root, environ={})
    assert ctx.project_kind == "gen2" and ctx.backend_text is None
    assert any("backend.ts is larger than" in w for w in ctx.warnings)


@posix_only
def test_a_fifo_pnpm_workspace_yaml_is_a_warning_not_a_hang(tmp_path):
    os.makedirs(tmp_path / ".git")
    os.mkfifo(tmp_path / "pnpm-workspace.yaml")
    backend = gen2(str(tmp_path / "packages" / "backend"))
    open(os.path.join(backend, "amplify", "backend.ts"), "w").close()
    ctx = context.detect(backend, environ={})
    assert ctx.runner == "npx" and ctx.workspace_root is None
    assert any("pnpm-workspace.yaml is not a regular file" in w for w in ctx.warnings)


@posix_only
def test_a_fifo_packed_refs_means_branches_unknown(tmp_path):
    root = gen2(str(tmp_path))
    open(os.path.join(root, "amplify", "backend.ts"), "w").close()
    os.makedirs(tmp_path / ".git" / "refs" / "heads")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    os.mkfifo(tmp_path / ".git" / "packed-refs")
    ctx = context.detect(root, environ={})
    assert ctx.branch == "main" and ctx.git_branches is None  # unknown: no warning about a missing branch


def test_junk_workspace_declarations_are_not_workspaces(tmp_path):
    os.makedirs(tmp_path / ".git")
    (tmp_path / "package.json").write_text('{"workspaces": {"packages": "not a list"}, "packageManager": "yarn@4"}')
    (tmp_path / "pnpm-workspace.yaml").write_bytes(b"\xff\xfe packages: [[[")
    backend = gen2(str(tmp_path / "packages" / "backend"))
    open(os.path.join(backend, "amplify", "backend.ts"), "w").close()
    ctx = context.detect(backend, environ={})
    assert ctx.runner == "npx" and ctx.workspace_root is None


def test_a_huge_amplify_folder_is_not_listed_whole(tmp_path):
    root = gen2(str(tmp_path))
    open(os.path.join(root, "amplify", "backend.ts"), "w").close()
    many = tmp_path / "amplify" / "generated"
    many.mkdir()
    for i in range(context.AMPLIFY_FILES_LIMIT + 5):
        (many / f"f{i}.ts").touch()
    assert context.detect(root, environ={}).amplify_files is None  # unknown, so no "Edit"/"Write" guess
