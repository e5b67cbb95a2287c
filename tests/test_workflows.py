"""CI files: valid against their schemas, safe (zizmor finds nothing, actions pinned by commit SHA, no
persisted token, least permissions, no secret within a pull request's reach), thin wrappers around
build.py. The site the workflows publish under a sub-path is crawled in tests/test_sub_path.py."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
GITLAB_CI = ROOT / ".gitlab-ci.yml"
SITE_WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"

# A `uses:` line: `owner/repo[/path]@<full commit SHA> # vX.Y.Z`. A tag, even an exact one, can be moved to
# other code by whoever controls the action's repository; a commit cannot. The comment says which release.
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>\S+)(?:\s+#\s*(?P<comment>.*?))?\s*$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^v\d+\.\d+\.\d+$")
# What a `run:` line may do without calling build.py: install things, prepare SSH, copy the built site.
SETUP_COMMANDS = ("pip install", "npm ci", "apt-get ",
                  "rsync ", "mkdir ", "umask ", "printf ", "echo ", "chmod ", "rm -f ",
                  "for ", "do", "done", "if ", "then", "fi", "case ", "esac", "exit ", "{", "}", ";;", '""|')
BUILD_WORDS = re.compile(r"\b(build|check|pagefind|mkdocs|jinja|oko)\b", re.IGNORECASE)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def on(workflow: dict) -> dict:
    """The `on:` key (YAML 1.1 reads a bare `on` as True)."""
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict) -> Iterator[tuple[str, dict]]:
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, step


def script_lines(script: str) -> list[str]:
    """Logical lines of a shell script: comments dropped, backslash continuations joined."""
    text = re.sub(r"\\\n\s*", " ", script)
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def assert_thin(where: str, script: str) -> None:
    """A script that builds or checks calls `python build.py`; anything else is set-up only."""
    lines = script_lines(script)
    if any(line.startswith("python build.py") for line in lines):
        return
    for line in lines:
        assert line.startswith(SETUP_COMMANDS), f"{where}: «{line}» — не python build.py и не установка"
        assert not BUILD_WORDS.search(line.replace("$HOME/.ssh", "")), f"{where}: сборка мимо build.py: «{line}»"


def check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("check_jsonschema") is None:
        pytest.fail("нет check-jsonschema: он закреплён в requirements-dev.txt (pip install -r requirements-dev.txt)")
    # Offline: any attempt to reach the network goes to a closed port and fails.
    env = {**os.environ, "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, env=env, timeout=120)


# --- schemas -------------------------------------------------------------------------------------------------


def test_there_are_workflows() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"site.yml", "deploy-rsync.yml"} <= names
    assert GITLAB_CI.is_file()


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_github_workflow_schema(path: Path) -> None:
    result = check_jsonschema("vendor.github-workflows", [path])
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_ci_schema() -> None:
    result = check_jsonschema("vendor.gitlab-ci", [GITLAB_CI])
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_mistakes(tmp_path: Path) -> None:
    """The validator really validates: a misspelt key and a step without `run`/`uses` are refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stpes:\n      - name: x\n",
                      encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", [broken]).returncode != 0
    gitlab = tmp_path / ".gitlab-ci.yml"
    gitlab.write_text("pages:\n  scirpt: [echo]\n", encoding="utf-8")
    assert check_jsonschema("vendor.gitlab-ci", [gitlab]).returncode != 0


# --- pins and thin wrappers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_pinned_by_commit_sha(path: Path) -> None:
    """Every `uses:` names a full commit SHA with its release in a comment (zizmor's unpinned-uses)."""
    lines = [match for line in path.read_text(encoding="utf-8").splitlines()
             if (match := USES_LINE.match(line))]
    parsed = [step["uses"] for _, step in steps(load(path)) if "uses" in step]
    assert parsed and [match["action"] for match in lines] == parsed, "каждый uses: — на отдельной строке"
    for match in lines:
        action, comment = match["action"], match["comment"] or ""
        assert PINNED.match(action), f"{path.name}: «{action}» — укажите полный SHA коммита, не тег"
        assert VERSION_COMMENT.match(comment), f"{path.name}: «{action}» — нужен комментарий с версией: # vX.Y.Z"


def test_one_sha_per_action_version() -> None:
    """The same release is pinned to the same commit everywhere, and one action to one release."""
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := USES_LINE.match(line):
                name, sha = match["action"].split("@")
                pins.setdefault(name, set()).add(f"{sha} # {match['comment']}")
    assert {"actions/checkout", "actions/setup-python", "actions/setup-node"} <= set(pins)
    assert {name: refs for name, refs in pins.items() if len(refs) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_leaves_no_token(path: Path) -> None:
    """Without persist-credentials: false the token stays in .git/config, where a build could publish it."""
    checkouts = [(job, step) for job, step in steps(load(path)) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for job, step in checkouts:
        assert step["with"]["persist-credentials"] is False, f"{path.name}/{job}: persist-credentials: false"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_steps_are_thin_wrappers(path: Path) -> None:
    workflow = load(path)
    runs = [(job, step) for job, step in steps(workflow) if "run" in step]
    assert any("python build.py build" in step["run"] for _, step in runs), "сайт собирается через build.py"
    for job, step in runs:
        assert re.search("[а-яё]", step.get("name", ""), re.IGNORECASE), f"{job}: у шага нет русского названия"
        assert_thin(f"{path.name}/{job}/{step['name']}", step["run"])
    for job, step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("fetch-depth") == 0, f"{job}: даты страниц берутся из истории git"


def test_gitlab_jobs_are_thin_wrappers() -> None:
    ci = load(GITLAB_CI)
    assert ci["variables"]["GIT_DEPTH"] == 0
    assert ci["variables"]["FF_GIT_URLS_WITHOUT_TOKENS"] == "true", "токен задания не остаётся в .git/config"
    assert re.fullmatch(r"python:3\.11[\w.-]*", ci["image"])
    scripts = {name: job["script"] for name, job in ci.items() if isinstance(job, dict) and "script" in job}
    assert set(scripts) == {"check", "pages"}
    for name, lines in [*scripts.items(), ("before_script", ci["default"]["before_script"])]:
        assert_thin(f".gitlab-ci.yml/{name}", "\n".join(lines))
    assert scripts["check"] == ["python build.py check"]
    assert scripts["pages"] == ["python build.py build --out public"]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ci["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_site_workflow_check_job() -> None:
    workflow = load(SITE_WORKFLOW)
    assert {"push", "pull_request", "workflow_dispatch"} <= set(on(workflow))
    check = workflow["jobs"]["check"]
    assert "if" not in check, "проверка идёт на всех событиях"
    runs = [step for step in check["steps"] if "run" in step]
    scripts = [step["run"] for step in runs]
    assert "python build.py check --format github" in scripts
    summary = [step for step in runs if "--format summary" in step["run"]]
    assert len(summary) == 1 and summary[0]["if"] == "always()"
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary[0]["run"]
    report = [step["run"] for step in runs if "--report" in step["run"]]
    assert len(report) == 1 and "$GITHUB_STEP_SUMMARY" in report[0] and report[0].count("```") == 2
    artifact = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert artifact["with"] == {"name": "site-preview", "path": "site/", "include-hidden-files": True,
                                "retention-days": 14}


def test_site_workflow_deploy_job() -> None:
    deploy = load(SITE_WORKFLOW)["jobs"]["deploy"]
    assert deploy["needs"] == "check"
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["group"] == "pages"
    uses = [step["uses"].split("@")[0] for step in deploy["steps"] if "uses" in step]
    assert uses[-3:] == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]


def test_rsync_workflow_pins_the_host_key() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "deploy-rsync.yml")
    assert set(on(workflow)) == {"workflow_dispatch"}
    text = "\n".join(step.get("run", "") for _, step in steps(workflow))
    assert "ssh-keyscan" not in text and "StrictHostKeyChecking=no" not in text
    assert "StrictHostKeyChecking=yes" in text and "known_hosts" in text
    assert "rsync -rlptz --delete --checksum" in text and "site/ " in text
    secrets = " ".join(str(step.get("env", {})) for _, step in steps(workflow))
    for name in ("DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"):
        assert f"secrets.{name}" in secrets
    assert "${{ secrets." not in text, "секреты попадают в команды только через env"


# --- safety: zizmor, permissions, secrets ------------------------------------------------------------------

# Each job's whole grant (the workflows' own `permissions: {}` gives nothing by default).
JOB_PERMISSIONS = {
    ("deploy-rsync.yml", "deploy"): {"contents": "read"},
    ("site.yml", "check"): {"contents": "read"},
    ("site.yml", "deploy"): {"contents": "read", "pages": "write", "id-token": "write"},
}
# The only triggers: none of them runs a fork's pull request with the repository's token or secrets
# (pull_request_target, workflow_run and the comment events do).
SAFE_TRIGGERS = {"push", "pull_request", "workflow_dispatch"}
# A job that uses secrets or publishes: the event and branch it is limited to, and its environment.
GUARDED_JOBS = {
    ("deploy-rsync.yml", "deploy"): ("github.ref == 'refs/heads/main'", "own-server"),
    ("site.yml", "deploy"): ("github.event_name == 'push' && github.ref == 'refs/heads/main'", "github-pages"),
}


def test_least_permissions_per_job() -> None:
    granted = {}
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["permissions"] == {}, f"{path.name}: наверху permissions: {{}}"
        granted |= {(path.name, name): job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == JOB_PERMISSIONS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_dangerous_trigger_and_no_expression_in_scripts(path: Path) -> None:
    workflow = load(path)
    assert set(on(workflow)) <= SAFE_TRIGGERS
    for job, step in steps(workflow):
        # An expression in a script is pasted into the shell before it runs (template injection):
        # values reach scripts only through env.
        assert "${{" not in step.get("run", ""), f"{path.name}/{job}/{step.get('name')}: ${{{{ … }}}} в run:"


def test_secrets_only_in_guarded_jobs() -> None:
    """A pull request runs the check job only: it gets no secret, no environment, no write permission."""
    guarded = {}
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            text = yaml.safe_dump(job, allow_unicode=True)
            if "secrets." in text or "environment" in job or "write" in job.get("permissions", {}).values():
                guarded[(path.name, name)] = (job.get("if"), job["environment"]["name"])
            else:
                assert "if" not in job and "github.token" not in text, f"{path.name}/{name}"
    assert guarded == GUARDED_JOBS


def zizmor(*args: str) -> subprocess.CompletedProcess[str]:
    """The pinned zizmor, offline, with no config file or ignore comment able to silence an audit."""
    executable = Path(sysconfig.get_path("scripts")) / "zizmor"
    if not executable.is_file():
        pytest.fail("нет zizmor: он закреплён в requirements-dev.txt (pip install -r requirements-dev.txt)")
    env = {name: value for name, value in os.environ.items() if name not in ("GH_TOKEN", "GITHUB_TOKEN")}
    env |= {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
    return subprocess.run([str(executable), "--offline", "--no-config", "--no-ignores", "--no-progress",
                           "--color", "never", *args], capture_output=True, text=True, env=env, timeout=120)


def zizmor_findings(target: Path) -> tuple[int, list[str]]:
    """Exit code and `ident at file:line` of every finding, with the most suspicious persona."""
    result = zizmor("--persona", "auditor", "--format", "json", str(target))
    assert result.stdout.startswith("["), result.stderr  # e.g. nothing collected from that folder
    findings = [f"{finding['ident']} at {Path(location['symbolic']['key']['Local']['verbatim_path']).name}:"
                f"{location['concrete']['location']['start_point']['row'] + 1}"
                for finding in json.loads(result.stdout) for location in finding["locations"][:1]]
    return result.returncode, findings


def test_zizmor_is_the_pinned_version() -> None:
    pin = re.search(r"^zizmor==(\S+)$", (ROOT / "requirements-dev.txt").read_text(encoding="utf-8"), re.MULTILINE)
    assert pin, "zizmor закреплён в requirements-dev.txt"
    assert zizmor("--version").stdout.strip() == f"zizmor {pin[1]}"


def test_zizmor_finds_nothing() -> None:
    returncode, findings = zizmor_findings(ROOT / ".github" / "workflows")
    assert (returncode, findings) == (0, [])
    plain = zizmor(str(ROOT / ".github" / "workflows"))  # the default persona, as a school would run it
    assert plain.returncode == 0 and "No findings to report" in plain.stdout, plain.stdout + plain.stderr


def test_zizmor_catches_an_unsafe_workflow(tmp_path: Path) -> None:
    """The linter really lints here: a workflow with each mistake above is refused, finding by finding."""
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text(
        "on:\n  pull_request_target:\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4.2.2\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n", encoding="utf-8")
    returncode, findings = zizmor_findings(unsafe)
    assert returncode == 14  # zizmor's code for "a high-severity finding"
    assert sorted(findings) == [
        "anonymous-definition at unsafe.yml:1", "anonymous-definition at unsafe.yml:4",
        "artipacked at unsafe.yml:7", "concurrency-limits at unsafe.yml:1", "dangerous-triggers at unsafe.yml:1",
        "excessive-permissions at unsafe.yml:1", "excessive-permissions at unsafe.yml:4",
        "template-injection at unsafe.yml:8", "unpinned-uses at unsafe.yml:7",
    ]
