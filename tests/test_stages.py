"""`make test` prints the time of each stage and stops at the first that fails."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def stages(*args):
    return subprocess.run([sys.executable, "-m", "scripts.stages", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def test_times_every_stage_and_stops_at_a_failure():
    ok = stages("first=true", "second=true")
    assert ok.returncode == 0
    assert "Stage times:" in ok.stdout and " first " in ok.stdout and " second " in ok.stdout
    failed = stages("first=true", "broken=false", "never=true")
    assert failed.returncode == 1
    assert "broken" in failed.stdout and "FAILED (exit 1)" in failed.stdout
    assert "never" not in failed.stdout.split("Stage times:")[1]
