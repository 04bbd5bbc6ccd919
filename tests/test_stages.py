"""`make test` prints the time of each stage and stops at the first that fails."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def stages(*args):
    return subprocess.run([sys.executable, "-m", "scripts.quality.stages", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def test_times_every_stage_and_stops_at_a_failure():
    ok = stages("first=true", "second=true")
    assert ok.returncode == 0
    assert "Stage times:" in ok.stdout and " first " in ok.stdout and " second " in ok.stdout
    failed = stages("first=true", "broken=false", "never=true")
    assert failed.returncode == 1
    assert "broken" in failed.stdout and "FAILED (exit 1)" in failed.stdout
    assert "never" not in failed.stdout.split("Stage times:")[1]


def test_a_plus_stage_runs_alongside_the_one_before(tmp_path):
    # Each waits for the other's file: they only both finish if they run at the same time.
    a, b = tmp_path / "a", tmp_path / "b"
    wait = "sh -c 'touch {mine}; for i in $(seq 100); do test -e {other} && exit 0; sleep 0.1; done; exit 3'"
    ok = stages(f"one={wait.format(mine=a, other=b)}", f"+two={wait.format(mine=b, other=a)}", "after=true")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    table = ok.stdout.split("Stage times:")[1]
    assert " one " in table and " two " in table and " after " in table
    failed = stages("one=true", "+two=false", "never=true")
    assert failed.returncode == 1
    table = failed.stdout.split("Stage times:")[1]
    assert "two" in table and "FAILED (exit 1)" in table and "never" not in table
