"""CI files: valid against their schemas, actions pinned, thin wrappers around build.py; and the built
site works under a sub-path (https://owner.github.io/repo/), as GitHub project pages publish it."""

from __future__ import annotations

import http.client
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
GITLAB_CI = ROOT / ".gitlab-ci.yml"
SITE_WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"

# `owner/repo@v1.2.3`, `owner/repo/path@v1.2.3` or a full commit SHA: never a moving tag like @v4 or @main.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")
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
def test_actions_pinned_to_exact_versions(path: Path) -> None:
    uses = [step["uses"] for _, step in steps(load(path)) if "uses" in step]
    assert uses
    for action in uses:
        if action.startswith("./"):
            continue
        assert PINNED.match(action), f"{path.name}: «{action}» — укажите точную версию (@vX.Y.Z или SHA)"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_steps_are_thin_wrappers(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
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
    assert "push" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"]["pages"] == "write" and deploy["permissions"]["id-token"] == "write"
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


# --- the built site under a sub-path -------------------------------------------------------------------------

URL_ATTRIBUTES = {"a": ("href",), "link": ("href",), "script": ("src",), "img": ("src",), "form": ("action",),
                  "iframe": ("src",), "source": ("src",)}
# URLs the site's own scripts load: the schedule JSON on the home page, the Pagefind index on /search/.
DATA_URL_ATTRIBUTES = ("data-schedule", "data-pagefind", "data-base", "data-class-base")
SKIPPED_SCHEMES = ("mailto", "tel", "webcal", "data", "javascript")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = URL_ATTRIBUTES.get(tag, ()) + DATA_URL_ATTRIBUTES
        self.urls += [value.strip() for name, value in attrs if name in wanted and value is not None]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files as a static host does: quietly, and a folder without index.html is 404, not a listing."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def built_site(demo_site: Path) -> Path:
    """The demo site, built once per run (tests/conftest.py)."""
    return demo_site


def serve(folder: Path) -> tuple[ThreadingHTTPServer, int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def crawl(port: int, start: str, also: Sequence[str] = ()) -> tuple[dict[str, int], list[str]]:
    """Fetch every page reachable from `start` and from the pages `also` (no redirects followed);
    returns the status of each path and the problems found."""
    origin = f"http://127.0.0.1:{port}"
    statuses: dict[str, int] = {}
    problems: list[str] = []
    queue = [(path, "(страница сайта)") for path in also] + [(start, "(начало)")]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        while queue:
            path, referrer = queue.pop()
            if path in statuses:
                continue
            if not path.startswith(start):
                statuses[path] = 0
                problems.append(f"{referrer}: ссылка «{path}» уходит из {start}")
                continue
            connection.request("GET", quote(path, safe="/%:@!$&'()*+,;=-._~"))
            response = connection.getresponse()
            body = response.read()
            statuses[path] = response.status
            if response.status != 200:
                problems.append(f"{referrer}: «{path}» отвечает {response.status}")
                continue
            if not response.getheader("Content-Type", "").startswith("text/html"):
                continue
            parser = Links()
            parser.feed(body.decode("utf-8"))
            page_url = origin + path
            for raw in parser.urls:
                if not raw or raw.startswith("#"):
                    continue
                url = urlsplit(urljoin(page_url, raw))
                if url.scheme in SKIPPED_SCHEMES:
                    continue
                if url.scheme not in ("http", "https"):
                    problems.append(f"{path}: непонятная ссылка «{raw}»")
                    continue
                if url.netloc != f"127.0.0.1:{port}":
                    continue  # another site
                queue.append((url.path or "/", f"{path} → «{raw}»"))
    finally:
        connection.close()
    return statuses, problems


def html_pages(site: Path, start: str) -> list[str]:
    """Every page of the built site as a URL path, so that pages no link leads to are checked too."""
    return sorted(start + str(page.relative_to(site)).removesuffix("index.html") for page in site.rglob("*.html"))


def assert_crawl(statuses: dict[str, int], problems: list[str], start: str) -> None:
    assert not problems, f"{len(problems)} битых или уходящих из {start} ссылок:\n" + "\n".join(sorted(problems))
    pages = [path for path in statuses if path.endswith("/") or path.endswith(".html")]
    assert len(pages) >= 20, f"обход нашёл слишком мало страниц: {sorted(pages)}"
    for wanted in ("sveden/", "plans/", "schedule/", "search/", "assets/", "files/", "pagefind/"):
        assert any(path.startswith(start + wanted) for path in statuses), f"обход не дошёл до {start}{wanted}"


def test_site_works_under_a_sub_path(built_site: Path, tmp_path: Path) -> None:
    """GitHub project pages: the site lives at https://owner.github.io/repo/, not at the domain root."""
    root = tmp_path / "root"
    shutil.copytree(built_site, root / "repo")
    (root / "index.html").write_text("<!doctype html><title>не сайт</title>", encoding="utf-8")
    server, port = serve(root)
    try:
        statuses, problems = crawl(port, "/repo/", html_pages(built_site, "/repo/"))
    finally:
        server.shutdown()
        server.server_close()
    assert_crawl(statuses, problems, "/repo/")


def test_site_works_at_the_domain_root(built_site: Path) -> None:
    server, port = serve(built_site)
    try:
        statuses, problems = crawl(port, "/", html_pages(built_site, "/"))
    finally:
        server.shutdown()
        server.server_close()
    assert_crawl(statuses, problems, "/")


def test_crawl_finds_broken_and_escaping_links(tmp_path: Path) -> None:
    """The crawler itself: a root-absolute link, a missing page and a folder without a slash are all caught."""
    site = tmp_path / "root" / "repo"
    (site / "plans").mkdir(parents=True)
    (site / "plans" / "index.html").write_text("<!doctype html><title>Планы</title>", encoding="utf-8")
    (site / "index.html").write_text(
        '<!doctype html><title>Главная</title><a href="plans/">ok</a><a href="#top">ok</a>'
        '<a href="mailto:a@b.example">ok</a><a href="https://other.example/x">ok</a><a href="plans/?q=1">ok</a>'
        '<a href="/plans/">escapes</a><a href="../other/">escapes</a><img src="missing.png"><a href="plans">301</a>',
        encoding="utf-8")
    server, port = serve(tmp_path / "root")
    try:
        statuses, problems = crawl(port, "/repo/")
    finally:
        server.shutdown()
        server.server_close()
    assert statuses["/repo/plans/"] == 200
    assert sorted(problems) == [
        "/repo/ → «../other/»: ссылка «/other/» уходит из /repo/",
        "/repo/ → «/plans/»: ссылка «/plans/» уходит из /repo/",
        "/repo/ → «missing.png»: «/repo/missing.png» отвечает 404",
        "/repo/ → «plans»: «/repo/plans» отвечает 301",
    ]
