"""`build.py fmt [--check] [ПУТИ…]`: content files rewritten in the forms' layout (oko/fmt.py), or, with
--check, each file not in it named with the diff, exit 1 — so a form save later changes only what was edited.

Comments are named either way: a form save drops them, so fmt drops them too, and says which, for what a
school needs in them to move into a field (`note`, `description`).
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from oko.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from oko.fmt import canonical_text, comment_lines, content_files, layout_for
from oko.ru import count, plural

DIFF_LINES = 200  # a longer diff is cut: `build.py fmt ФАЙЛ` and `git diff` show the rest
COMMENT_HINT = ("при сохранении из формы комментарии пропадают; важное из комментария впишите в поле "
                "(например «Примечание» — note или «Описание» — description); "
                "справочник: «Что можно и чего нельзя в формах»")


@dataclass(frozen=True)
class Outcome:
    """One file through fmt: its text now, the forms' text of it, its comments; or why it was not read."""

    path: Path
    relative: str
    text: str = ""
    canonical: str = ""
    comments: tuple[tuple[int, str], ...] = ()
    error: str = ""


def run_fmt(project: Path, paths: list[Path], check: bool) -> int:
    from oko.cms import cms_config
    from oko.pipeline import load_project

    root = project.resolve()
    files = _chosen(root, paths)
    if isinstance(files, str):
        sys.stderr.write(f"ошибка: {files}\n")
        return EXIT_USAGE
    loaded, _ = load_project(project)  # content errors are check's to report: fmt needs the forms only
    config = cms_config(loaded)
    outcomes = [_outcome(config, root, path) for path in files]
    return _report_check(outcomes) if check else _rewrite(outcomes)


def _chosen(root: Path, paths: list[Path]) -> list[Path] | str:
    """The files to format: all content when no path is given, else the given files and folders' files."""
    every = content_files(root)
    if not paths:
        return every
    chosen: list[Path] = []
    for given in paths:
        # Relative to the project first (`--project X fmt content/plans`), else to the current folder.
        path = (given if given.is_absolute() or not (root / given).exists() else root / given).resolve()
        if not path.exists():
            return f"«{given}»: такого файла или папки нет"
        if not path.is_relative_to(root):
            return f"«{given}» — вне проекта «{root}»"
        inside = [file for file in every if file == path or file.is_relative_to(path)]
        if not inside:
            return f"«{given}»: не файл содержимого (site_config.yaml, content/**/*.yaml, content/**/*.md)"
        chosen += [file for file in inside if file not in chosen]
    return chosen


def _outcome(config: dict, root: Path, path: Path) -> Outcome:
    relative = path.relative_to(root).as_posix()
    layout = layout_for(config, PurePosixPath(relative))
    text = path.read_text(encoding="utf-8")
    if layout is None:  # no form holds it: a form save never writes it, so its layout is the school's
        return Outcome(path, relative, text, text)
    try:
        canonical = canonical_text(text, layout)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{relative}:{mark.line + 1}:{mark.column + 1}" if mark else relative
        return Outcome(path, relative, error=f"{where}: не читается как YAML; файл не тронут — исправьте его "
                                             "(`build.py check` назовёт ошибку)")
    return Outcome(path, relative, text, canonical, tuple(comment_lines(text, layout.markdown)))


def _comment_notes(outcome: Outcome, verb: str) -> list[str]:
    return [f"{outcome.relative}:{line}: комментарий «{comment}» {verb}" for line, comment in outcome.comments]


def _diff(outcome: Outcome) -> str:
    lines = list(difflib.unified_diff(outcome.text.splitlines(True), outcome.canonical.splitlines(True),
                                      f"{outcome.relative} (сейчас)", f"{outcome.relative} (как запишет форма)"))
    lines = [line if line.endswith("\n") else line + "\n" for line in lines]
    if len(lines) > DIFF_LINES:
        lines = [*lines[:DIFF_LINES], f"… и ещё {len(lines) - DIFF_LINES} строк разницы\n"]
    return "".join(lines)


def _report_check(outcomes: list[Outcome]) -> int:
    errors = [outcome.error for outcome in outcomes if outcome.error]
    changed = [outcome for outcome in outcomes if not outcome.error and outcome.canonical != outcome.text]
    for outcome in changed:
        sys.stdout.write(f"{outcome.relative}: записан не так, как его запишет форма; "
                         f"`build.py fmt {outcome.relative}` перепишет его так (смысл не меняется)\n")
        sys.stdout.write("".join(f"  {note}\n" for note in _comment_notes(outcome, "пропадёт")))
        sys.stdout.write(_diff(outcome))
    if any(outcome.comments for outcome in changed):
        sys.stdout.write(f"Комментарии: {COMMENT_HINT}.\n")
    for error in errors:
        sys.stderr.write(f"ошибка: {error}\n")
    if changed or errors:
        sys.stderr.write(f"fmt --check: не в виде форм — {len(changed)} {_of_files(len(outcomes))}"
                         f"{f', не прочитано — {len(errors)}' if errors else ''}; выполните `build.py fmt`\n")
        return EXIT_CONTENT
    sys.stderr.write(f"fmt --check: {_all_files(len(outcomes))} в том виде, в котором их пишут формы\n")
    return EXIT_OK


def _rewrite(outcomes: list[Outcome]) -> int:
    errors = [outcome.error for outcome in outcomes if outcome.error]
    changed = [outcome for outcome in outcomes if not outcome.error and outcome.canonical != outcome.text]
    for outcome in changed:
        outcome.path.write_text(outcome.canonical, encoding="utf-8")
        sys.stderr.write(f"переписан: {outcome.relative}\n")
        sys.stderr.write("".join(f"  {note}\n" for note in _comment_notes(outcome, "убран")))
    if any(outcome.comments for outcome in changed):
        sys.stderr.write(f"Комментарии: {COMMENT_HINT}.\n")
    for error in errors:
        sys.stderr.write(f"ошибка: {error}\n")
    sys.stderr.write(f"fmt: переписано {len(changed)} {_of_files(len(outcomes))}"
                     f"{f', не прочитано — {len(errors)}' if errors else ''}\n")
    return EXIT_CONTENT if errors else EXIT_OK


def _of_files(n: int) -> str:
    """«из 1 файла», «из 23 файлов»: after «из» the noun is genitive."""
    return f"из {n} {plural(n, 'файла', 'файлов', 'файлов')}"


def _all_files(n: int) -> str:
    """«1 файл», «все 23 файла», «все 51 файл»."""
    return count(n, "файл", "файла", "файлов") if n == 1 else "все " + count(n, "файл", "файла", "файлов")
