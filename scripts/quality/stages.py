"""Run the stages of `make test` and print how long each took.

    python -m scripts.quality.stages "ruff=.venv/bin/ruff check scripts tests" "pytest=…"

Stages run one after another. A stage written `+name=command` runs alongside the stage
before it (two builds that each keep one core busy, say), and the next stage starts
when all of them have finished. The run stops after the first step in which a stage
fails (later stages would only repeat its failure), then prints the table of times
either way, so a slow gate shows where time goes.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time


def _steps(stages: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Stages grouped into steps: a `+name` stage joins the step of the stage before it."""
    steps: list[list[tuple[str, str]]] = []
    for name, command in stages:
        if name.startswith("+") and steps:
            steps[-1].append((name[1:].strip(), command))
        else:
            steps.append([(name.lstrip("+").strip(), command)])
    return steps


def run(stages: list[tuple[str, str]]) -> int:
    times: list[tuple[str, float, int]] = []
    status = 0
    started = time.monotonic()
    for step in _steps(stages):
        begin = time.monotonic()
        running = []
        for name, command in step:
            alongside = f" (alongside {step[0][0]})" if running else ""
            print(f"\n=== {name}{alongside}: {command}", flush=True)
            running.append((name, subprocess.Popen(shlex.split(command))))
        for name, proc in running:
            code = proc.wait()
            times.append((name, time.monotonic() - begin, code))
            status = status or code
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
        if not sep or not command.strip() or not name.strip("+ "):
            print(f"not a stage: {arg!r} (write name=command, or +name=command to run it "
                  "alongside the stage before)", file=sys.stderr)
            return 2
        stages.append((name.strip(), command.strip()))
    return run(stages)


if __name__ == "__main__":
    sys.exit(main())
