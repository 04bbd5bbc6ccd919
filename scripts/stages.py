"""Run the stages of `make test` one after another and print how long each took.

    python -m scripts.stages "ruff=.venv/bin/ruff check scripts tests" "pytest=…"

Stops at the first stage that fails (later stages would only repeat its failure),
then prints the table of times either way, so a slow gate shows where time goes.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time


def run(stages: list[tuple[str, str]]) -> int:
    times: list[tuple[str, float, int]] = []
    status = 0
    started = time.monotonic()
    for name, command in stages:
        print(f"\n=== {name}: {command}", flush=True)
        begin = time.monotonic()
        status = subprocess.run(shlex.split(command), check=False).returncode
        times.append((name, time.monotonic() - begin, status))
        if status != 0:
            break
    width = max(len(name) for name, _, _ in times)
    print("\nStage times:")
    for name, seconds, code in times:
        outcome = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"  {name:<{width}}  {seconds:7.1f} s  {outcome}")
    print(f"  {'total':<{width}}  {time.monotonic() - started:7.1f} s")
    return status


def main(argv: list[str] | None = None) -> int:
    stages = []
    for arg in argv if argv is not None else sys.argv[1:]:
        name, sep, command = arg.partition("=")
        if not sep or not command.strip():
            print(f"not a stage: {arg!r} (write name=command)", file=sys.stderr)
            return 2
        stages.append((name.strip(), command.strip()))
    return run(stages)


if __name__ == "__main__":
    sys.exit(main())
