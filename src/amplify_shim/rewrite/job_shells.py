"""The shell a GitHub Actions `run:` step runs in when the step names none.

GitHub's rule (docs: "Workflow syntax", `jobs.<job_id>.steps[*].shell` and `defaults.run`): the job's
`defaults: run: shell:`, else the workflow's, else the runner's own default: `pwsh` on Windows, `bash`
elsewhere. A rewrite written for bash (`$GITHUB_REF_NAME`, `AWS_PROFILE=p npx …`) is wrong in pwsh, so
the step's shell must be known before its command is rewritten.

Only jobs whose `runs-on` this document shows are judged; a step outside them (another CI system, or a
piece of a very large file cut away from its job) keeps the reading it had: bash.
"""

from __future__ import annotations

from bisect import bisect_right

UNKNOWN_RUNNER = ("the job's runner is chosen when the workflow runs (`runs-on: ${{ … }}`), so its default shell "
                  "(bash, or pwsh on Windows) is not known: name the step's shell (`shell: bash`) and rewrite again")


def shell_grammar(shell: str) -> tuple:
    """(grammar, why not read) for a `shell:` value."""
    words = shell.split()
    name = words[0] if words else ""
    if name in ("pwsh", "powershell"):
        return "powershell", None
    if name in ("bash", "sh", ""):
        return "bash", None
    return "bash", f"a `shell: {shell}` step is not read"


class JobShells:
    """Each job's default shell in one YAML document, found once: (start byte, end byte) -> (grammar, why)."""

    def __init__(self, root, text: str, offsets, key) -> None:
        self.starts, self.jobs = [], []
        top = _mapping(root)
        if top is None:
            return
        pairs = _pairs(top, text, offsets, key)
        workflow = _defaults_shell(pairs.get("defaults"), text, offsets, key)
        jobs = _mapping(pairs.get("jobs"))
        if jobs is None:
            return
        for job in (c for c in jobs.children if c.type in ("block_mapping_pair", "flow_pair")):
            body = _mapping(job)
            fields = _pairs(body, text, offsets, key) if body is not None else {}
            runs_on = fields.get("runs-on")
            if runs_on is None:
                continue  # not a GitHub job (or a reusable workflow's call): no steps of its own to judge
            shell = _defaults_shell(fields.get("defaults"), text, offsets, key) or workflow
            if shell is not None:
                answer = shell_grammar(shell)
            else:
                value = runs_on.child_by_field_name("value")
                labels = text[offsets.char(value.start_byte):offsets.char(value.end_byte)] if value is not None else ""
                if "${{" in labels:
                    answer = ("bash", UNKNOWN_RUNNER)
                elif "windows" in labels.lower():
                    answer = ("powershell", None)
                else:
                    continue  # bash, as a step outside every judged job reads
            self.starts.append(job.start_byte)
            self.jobs.append((job.end_byte, answer))

    def shell_at(self, byte: int) -> tuple | None:
        """(grammar, why) for a step at this byte of the document, or None outside every judged job."""
        index = bisect_right(self.starts, byte) - 1
        if index < 0 or byte >= self.jobs[index][0]:
            return None
        return self.jobs[index][1]


def _mapping(node):
    """The mapping a document, a pair's value or a node is (block or flow), or None."""
    while node is not None and node.type not in ("block_mapping", "flow_mapping"):
        if node.type in ("block_mapping_pair", "flow_pair"):
            node = node.child_by_field_name("value")
        elif node.named_child_count:
            node = node.named_children[0] if node.type in ("stream", "document", "block_node", "flow_node") else None
        else:
            return None
    return node


def _pairs(mapping, text: str, offsets, key) -> dict:
    return {key(pair, text, offsets): pair for pair in mapping.children
            if pair.type in ("block_mapping_pair", "flow_pair")}


def _defaults_shell(pair, text: str, offsets, key) -> str | None:
    """`defaults: run: shell: X` -> X, or None."""
    defaults = _mapping(pair)
    run = _mapping(_pairs(defaults, text, offsets, key).get("run")) if defaults is not None else None
    shell = _pairs(run, text, offsets, key).get("shell") if run is not None else None
    value = shell.child_by_field_name("value") if shell is not None else None
    if value is None:
        return None
    return text[offsets.char(value.start_byte):offsets.char(value.end_byte)].strip().strip("'\"")
