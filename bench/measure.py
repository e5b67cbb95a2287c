#!/usr/bin/env python3
"""Time one command and take the peak memory of its whole process tree; print the result as JSON.

Run as a fresh process per measurement (`python bench/measure.py --timeout S -- CMD...`), so that
`getrusage(RUSAGE_CHILDREN)` sees only this build and not every build before it. The command runs in
its own session; a sampler thread sums the PSS (proportional set size: shared pages counted once) of
every process in that session every 50 ms. The peak reported is the larger of that sampled sum and the
peak RSS of the largest single process from getrusage (which catches a process too short to sample).
The command's output goes to this process's stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.05


def session_members(session: int) -> list[int]:
    """Pids whose session id (field 6 of /proc/PID/stat) is `session`."""
    members = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_bytes()
        except OSError:
            continue  # the process ended between listing and reading
        fields = stat.rsplit(b")", 1)[-1].split()
        if len(fields) > 3 and int(fields[3]) == session:
            members.append(int(name))
    return members


def cpu_seconds(session: int) -> float:
    """User + system CPU time of the session's live processes (fields 14 and 15 of /proc/PID/stat)."""
    ticks = 0
    for pid in session_members(session):
        try:
            fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[-1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def pss_kib(pid: int) -> int:
    """Proportional set size of one process in KiB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class TreeSampler:
    """Samples the session's summed PSS until stopped; keeps the largest sum."""

    session: int
    peak_kib: int = 0

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(pss_kib(pid) for pid in session_members(self.session))
            self.peak_kib = max(self.peak_kib, total)
            self._stop.wait(SAMPLE_SECONDS)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def measure(command: list[str], timeout: float) -> dict[str, object]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=sys.stderr, stderr=sys.stderr, start_new_session=True)
    sampler = TreeSampler(process.pid)
    sampler.start()
    timed_out = False
    try:
        returncode = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(process.pid, signal.SIGKILL)
        returncode = process.wait()
    seconds = time.perf_counter() - start
    sampler.stop()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return {"seconds": seconds, "peak_kib": max(sampler.peak_kib, largest), "returncode": returncode,
            "timed_out": timed_out}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    print(json.dumps(measure(command, args.timeout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
