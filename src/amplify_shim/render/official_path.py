"""The explanation's sections for the official migration path: `explain gen2-migration [STEP]` shows the
guide (Developer Preview, prerequisites, steps, IAM actions), and every Gen 1 command shows Gen 1's
maintenance and end-of-life dates. Data from explain_data (commands/explain.py); display only."""

from __future__ import annotations


def _step_lines(step: dict, *, brief: bool = False) -> list[str]:
    """brief: the title, validations and IAM actions only (a step's own explanation has the rest as notes)."""
    lines = [f"{step['title']}" + (f": {' && '.join(step['commands'])}" if step["commands"] else "")]
    if step.get("validations"):
        lines.append(f"  validations: {'; '.join(step['validations'])}")
    if not brief:
        lines += [f"  in the cloud: {step['cloud']}", f"  rollback: {step['rollback']}", f"  after it: {step['after']}"]
    if step["iam"]:
        lines.append(f"  IAM: {', '.join(step['iam'])}")
    return lines


def sections(data: dict) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    path = data.get("official_path")
    if path:
        cli = path["cli"]
        out.append(("Preview", [f"{path['status']}: {path['warning']}",
                                f"needs @aws-amplify/cli {cli['required']} or later (checked against {cli['checked']})"]))
        if path.get("step"):
            out.append(("Guide step", _step_lines(path["step"], brief=True)))
        else:
            out.append(("Before", [f"- {p['title']}: {p['text']}" for p in path["prerequisites"]]
                        + ["Start: " + " && ".join(path["start"])]))
            out.append(("IAM", [", ".join(path["iam_actions"])]))
            lines: list[str] = []
            for step in path["steps"]:
                lines += _step_lines(step)
            out.append(("Steps", lines))
        out.append(("Guide", [f"{path['url']} (checked {path['checked']})"]))
    if data.get("gen1_lifecycle"):
        out.append(("Lifecycle", list(data["gen1_lifecycle"])))
    return out
