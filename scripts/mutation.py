"""Mutation testing of the core, one module at a time against its own fast tests (run by scripts/mutation.sh).

Each module of scripts/mutation.toml is measured in its own copy of the checkout under build/mutation/<name>
(the working tree as it is, uncommitted changes included; the checkout itself is never touched), with
mutmut configured there by a setup.cfg of its own. The score counts a mutant as killed when a test failed
or timed out on it; a mutant that no test reaches counts as a survivor, not as nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "scripts" / "mutation.toml"
# What the tests read besides oko/ and tests/ (the demo project, the theme, the schemas, build.py).
ALSO_COPY = ["content", "templates", "schemas", "site_config.yaml", "build.py", "docs", "mkdocs.yml", "bench"]
KILLED = {1, 3, 37}  # mutmut's exit codes: a test failed, pytest failed, the type check failed
TIMEOUT = {36, 24, -24, 152, 255}  # killed too (an endless loop), but listed: on a busy machine check them again
SKIPPED = {34}


@dataclass
class Score:
    name: str
    mutants: int = 0
    killed: int = 0
    survivors: list[str] = field(default_factory=list)  # survived, or reached by no test
    timeouts: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.mutants if self.mutants else 100.0


def load_modules(config: Path) -> dict[str, dict[str, list[str]]]:
    return tomllib.loads(config.read_text(encoding="utf-8"))


def checkout_files() -> list[str]:
    """Tracked and new (not ignored) files of the working tree."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                            capture_output=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def prepare(work: Path, module: dict[str, list[str]]) -> None:
    """A fresh copy of the checkout in `work`, with mutmut's settings for this module."""
    if work.exists():
        shutil.rmtree(work)
    for name in checkout_files():
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    shutil.copy2(ROOT / "scripts" / "mutation_caches.py", work / "tests" / "mutation_caches.py")
    lines = "\n    ".join
    (work / "setup.cfg").write_text(
        "[mutmut]\nsource_paths = oko\n"
        f"only_mutate =\n    {lines(module['mutate'])}\n"
        f"pytest_add_cli_args_test_selection =\n    {lines(module['tests'])}\n"
        f"also_copy =\n    {lines(ALSO_COPY)}\n"
        # Each mutant's tests start with oko's caches empty (scripts/mutation_caches.py says why).
        "pytest_add_cli_args =\n    -p no:cacheprovider\n    -p tests.mutation_caches\n    -q\n"
        # mutmut's timeout is wall-clock, 30 × (the tests' time + this constant): its default constant (1 s)
        # kills mutants on a busy machine that only waited for a core. An endless loop ends within minutes.
        "timeout_constant = 5\n",
        encoding="utf-8")


def run_mutmut(work: Path, workers: int, log: Path) -> int:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    command = ["nice", "-n", "10", sys.executable, "-m", "mutmut", "run", "--max-children", str(workers)]
    with log.open("w", encoding="utf-8") as out:
        return subprocess.run(command, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT).returncode


def collect(name: str, work: Path) -> Score:
    """The verdict of every mutant, from mutmut's .meta files."""
    score = Score(name)
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        verdicts = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        for mutant, code in sorted(verdicts.items()):
            if code in SKIPPED:
                continue
            score.mutants += 1
            if code in KILLED:
                score.killed += 1
            elif code in TIMEOUT:
                score.killed += 1
                score.timeouts.append(mutant)
            else:
                score.survivors.append(f"{mutant} ({'no test reaches it' if code in (5, 33) else 'survived'})")
    return score


def show(work: Path, mutant: str) -> str:
    shown = subprocess.run([sys.executable, "-m", "mutmut", "show", mutant], cwd=work, capture_output=True,
                           text=True)
    return shown.stdout


def main() -> int:
    config = Path(os.environ.get("OKO_MUTATION_CONFIG", CONFIG))  # another module → tests map, e.g. a baseline
    modules = load_modules(config)
    parser = argparse.ArgumentParser(description="Mutation testing of the core modules (scripts/mutation.toml).")
    parser.add_argument("modules", nargs="*", help=f"modules to measure (default: all): {', '.join(modules)}")
    parser.add_argument("--workers", type=int, default=1, help="mutants tested at once (default 1)")
    parser.add_argument("--diff", action="store_true", help="print the diff of every survivor")
    parser.add_argument("--min", type=float, default=90.0, help="the score each module must reach (default 90)")
    args = parser.parse_args()
    unknown = [name for name in args.modules if name not in modules]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; known: {', '.join(modules)}")
    scores = []
    for name in args.modules or list(modules):
        work = ROOT / "build" / "mutation" / name
        print(f"== {name}: {', '.join(modules[name]['mutate'])}", flush=True)
        prepare(work, modules[name])
        log = work.parent / f"{name}.log"
        code = run_mutmut(work, args.workers, log)
        score = collect(name, work)
        if code != 0 and not score.mutants:
            print(f"   mutmut failed (exit {code}), see {log}", flush=True)
        for survivor in score.survivors:
            print(f"   {survivor}")
            if args.diff:
                print(show(work, survivor.split(" ")[0]))
        if score.timeouts:
            print(f"   timed out (counted as killed): {', '.join(score.timeouts)}")
        print(f"   {score.killed}/{score.mutants} killed: {score.percent:.1f} %", flush=True)
        scores.append(score)
    print(f"\n{'module':<16} {'mutants':>8} {'killed':>7} {'score':>8}")
    for score in scores:
        print(f"{score.name:<16} {score.mutants:>8} {score.killed:>7} {score.percent:>7.1f} %")
    return 0 if all(score.percent >= args.min for score in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
