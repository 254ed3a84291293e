"""Hypothesis strategies: files built from the constructs issue 17 names, with Gen 1 calls in every place a
shell (or YAML, or package.json) can hold one and in places where it is only text.

Shell: simple commands with env prefixes (`A=1`, `T=$(date)`), `!`, `exec`, redirections, pipes, feeders
(`echo y |`), `&&`/`||`/`;` chains, `$( )` and backticks, `if`, functions, a call kept in a variable
(`cmd="amplify …"; $cmd`), quotes spanning lines, here-documents (quoted, unquoted, `<<-`), `\\`
continuations, comments. YAML: amplify.yml `commands:` lists and GitHub `run:` blocks as plain, single- and
double-quoted scalars and literal (`|`) and folded (`>`, `>-`) blocks, LF or CRLF; GitLab `script:` and
CodeBuild buildspec `commands:` lists the same way. package.json: scripts
with `&&` chains and newline-separated commands (LF or CRLF).
"""

from __future__ import annotations

import json
import re

from hypothesis import strategies as st

GEN1 = [
    "push --yes", "push", "push -y", "push --yes --allow-destructive-graphql-schema-updates",
    "pull --appId d1appid --envName dev --yes", "pull --appId \"$APP_ID\" --envName $ENV", "pull --envName dev",
    "status", "status -v", "publish", "publish --yes", "env checkout dev", "env checkout prod --restore",
    "env list", "env remove dev", "env remove dev --force", "env get --name dev --json", "delete --force", "delete",
    "mock api", "mock function fn --event e.json", "codegen", "codegen models", "add auth", "console",
    "init --amplify \"$AMPLIFY\" --providers \"$PROVIDERS\" --yes", "--version", "-v", "push $(whoami)",
    "api gql-compile", "update function",
]
WRAPPERS = ["amplify ", "amplify ", "amplify ", "npx amplify ", "npx -y amplify ", "yarn amplify ",
            "pnpm exec amplify ", "npm exec -- amplify ", "bunx amplify "]
HELPER = ["amplifyPush --simple", "amplifyPush -e dev --simple", "amplifyPush --simple --environment prod"]
OTHER = ["echo hi", "git status", "aws s3 ls", "npm ci", "node build.js", "npm run build", "printf '%s\\n' x",
         "true", "echo \"branch $AWS_BRANCH\"", "git rev-parse HEAD", "yarn build", "ls -la"]
NAMES = ["A", "T", "AWS_PROFILE", "NODE_ENV"]
BUILTINS = {"echo", "printf", "true"}  # run inside the shell: they never wait for a pipe


@st.composite
def gen1(draw) -> str:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(HELPER))
    return draw(st.sampled_from(WRAPPERS)) + draw(st.sampled_from(GEN1))


def command():
    return st.one_of(gen1(), st.sampled_from(OTHER))


@st.composite
def simple(draw) -> str:
    """One simple command, maybe with an env prefix and a redirection."""
    text = draw(command())
    if draw(st.booleans()):
        name = draw(st.sampled_from(NAMES))
        value = draw(st.sampled_from(["1", "$(date)", "dev", "'a b'"]))
        text = f"{name}={value} {text}"
    redirect = draw(st.sampled_from(["", "", "", " > out.txt", " 2>&1", " >> log.txt", " < /dev/null", " 2> err.txt"]))
    return text + redirect


STDOUT_REDIRECTS = (" > out.txt", " >> log.txt")


@st.composite
def pipeline(draw) -> str:
    parts = [draw(simple())]
    if draw(st.integers(0, 3)) == 0:
        # a stage whose stdout goes to a file ends its pipe at once: the next stage may then run first, and
        # the order of the two calls would be up to the scheduler
        parts[0] = next((parts[0][:-len(r)] for r in STDOUT_REDIRECTS if parts[0].endswith(r)), parts[0])
        parts.append(draw(st.sampled_from(["tee x.log", "grep -v y", "cat"])))
    words = re.sub(r"^(\w+=('[^']*'|\S*)\s+)*", "", parts[0]).split()
    if draw(st.integers(0, 5)) == 0 and words and words[0] not in BUILTINS:
        # the same for a stage after a feeder that reads a file instead of its pipe (and a builtin never reads)
        parts[0] = parts[0][:-len(" < /dev/null")] if parts[0].endswith(" < /dev/null") else parts[0]
        parts.insert(0, draw(st.sampled_from(["echo y", "yes"])))
    return ("! " if draw(st.integers(0, 5)) == 0 else "") + " | ".join(parts)


@st.composite
def chain(draw) -> str:
    items = draw(st.lists(pipeline(), min_size=1, max_size=3))
    text = items[0]
    for item in items[1:]:
        text += draw(st.sampled_from([" && ", " || ", "; "])) + item
    return text


@st.composite
def statement(draw) -> str:
    """One statement, possibly several lines long."""
    c, g = draw(chain()), draw(gen1())
    forms = [
        c, c, c,
        f"echo \"$({g})\"",
        f"echo `{g}`",
        f"X=$({g}) && echo \"$X\"",
        f"if {g}; then\n  {draw(chain())}\nfi",
        f"if [ -z \"$({g})\" ]; then echo empty; fi",
        f"deploy() {{\n  {c}\n}}\ndeploy",
        f"cmd=\"{g}\"\n$cmd",
        f"echo 'Usage notes:\n{g}\n'",
        f"echo \"notes:\n{g}\n\"",
        f"while IFS= read -r l; do echo \"$l\"; done <<'EOF'\n{g}\nEOF",
        f"while IFS= read -r l; do echo \"$l\"; done <<EOF\n{g}\nEOF",
        f"while IFS= read -r l; do echo \"$l\"; done <<-EOF\n\t{g}\n\tEOF",
        f"{g} \\\n  --debug",
        f"npm ci && \\\n  {g}",
        f"# {g}",
        f"{c} # then {g}",
        f"for i in 1 2; do {g}; done",
        f"( cd sub 2>/dev/null; {c} )",
        f"{{ {c}; }}",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def shell_script(draw) -> str:
    lines = draw(st.lists(statement(), min_size=1, max_size=6))
    head = draw(st.sampled_from(["#!/bin/bash\n", "#!/bin/bash\nset -e\n", "", "#!/bin/sh\n"]))
    if draw(st.integers(0, 7)) == 0:
        lines.append("exec " + draw(gen1()))
    return head + "\n".join(lines) + draw(st.sampled_from(["\n", "\n", ""]))


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line if line else line for line in text.split("\n"))


@st.composite
def yaml_scalar(draw, pad: str) -> str:
    """A command as one YAML scalar, in a style that can hold it."""
    text = draw(st.one_of(chain(), statement()))
    style = draw(st.sampled_from(["plain", "single", "double", "literal", "folded", "folded-strip"]))
    if style == "plain" and ("\n" in text or ": " in text or " #" in text or text[:1] in "!&*[]{}|>'\"%@`#,?:-"
                             or text.endswith(":")):
        style = "double"
    if style == "plain":
        return text
    if style == "single":
        if "\n" in text:
            style = "literal"
        else:
            return "'" + text.replace("'", "''") + "'"
    if style == "double":
        if "\n" in text:
            style = "literal"
        else:
            return json.dumps(text)
    if text.startswith((" ", "\t")) or any(line.startswith((" ", "\t")) for line in text.split("\n")):
        return json.dumps(text)  # a block scalar cannot start a line with more indentation safely
    indicator = {"literal": "|", "folded": ">", "folded-strip": ">-"}[style]
    return indicator + "\n" + _indent(text, pad + "  ")


@st.composite
def amplify_yml(draw) -> str:
    items = draw(st.lists(yaml_scalar("          "), min_size=1, max_size=4))
    body = "".join(f"        - {item}\n" for item in items)
    comment = draw(st.sampled_from(["", "        # amplify push --yes\n"]))
    text = ("version: 1\nbackend:\n  phases:\n    build:\n      commands:\n" + comment + body +
            "frontend:\n  phases:\n    build:\n      commands:\n        - npm run build\n"
            "  artifacts:\n    baseDirectory: build\n    files:\n      - '**/*'\n")
    return _line_endings(draw, text)


@st.composite
def workflow(draw) -> str:
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        block = draw(st.lists(statement(), min_size=1, max_size=3))
        if draw(st.booleans()):
            steps.append("      - name: step\n        run: |\n" + _indent("\n".join(block), "          ") + "\n")
        else:
            steps.append(f"      - run: {draw(yaml_scalar('          '))}\n")
    env = draw(st.sampled_from(["", "    env:\n      AWS_APP_ID: ${{ secrets.AWS_APP_ID }}\n"]))
    text = ("name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n" + env + "    steps:\n"
            "      - uses: actions/checkout@v4\n" + "".join(steps))
    return _line_endings(draw, text)


@st.composite
def gitlab_ci(draw) -> str:
    items = draw(st.lists(yaml_scalar("      "), min_size=1, max_size=3))
    text = ("stages: [deploy]\ndeploy:\n  stage: deploy\n  image: node:20\n  script:\n"
            + "".join(f"    - {item}\n" for item in items) + "  only:\n    - main\n")
    return _line_endings(draw, text)


@st.composite
def buildspec(draw) -> str:
    items = draw(st.lists(yaml_scalar("        "), min_size=1, max_size=3))
    text = ("version: 0.2\nphases:\n  install:\n    commands:\n      - npm ci\n  build:\n    commands:\n"
            + "".join(f"      - {item}\n" for item in items) + "artifacts:\n  files:\n    - '**/*'\n")
    return _line_endings(draw, text)


def _line_endings(draw, text: str) -> str:
    return text.replace("\n", "\r\n") if draw(st.integers(0, 4)) == 0 else text


@st.composite
def package_json(draw) -> str:
    scripts = {}
    for index in range(draw(st.integers(1, 4))):
        parts = draw(st.lists(chain(), min_size=1, max_size=3))
        sep = draw(st.sampled_from([" && ", "\n", "\r\n", "; "]))
        scripts[f"s{index}"] = sep.join(parts)
    data = {"name": "app", "version": "1.0.0", "scripts": scripts, "devDependencies": {"@aws-amplify/cli": "^12"}}
    return json.dumps(data, indent=draw(st.sampled_from([2, 4]))) + "\n"


FILES = {"sh": ("deploy.sh", shell_script()), "yaml": ("amplify.yml", amplify_yml()),
         "workflow": (".github/workflows/deploy.yml", workflow()), "json": ("package.json", package_json()),
         "gitlab": (".gitlab-ci.yml", gitlab_ci()), "buildspec": ("buildspec.yml", buildspec())}
