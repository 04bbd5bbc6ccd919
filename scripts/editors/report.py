"""Formatting findings for people (text), GitHub Actions and tools (JSON)."""

from __future__ import annotations

import json
from itertools import groupby

from scripts.findings import ERROR, Finding


def text(findings: list[Finding]) -> str:
    if not findings:
        return "All checks passed.\n"
    lines = []
    for path, group in groupby(sorted(findings), key=lambda f: f.path):
        lines.append(path)
        for f in group:
            label = "" if f.severity == ERROR else " (warning)"
            lines.append(f"  {f.path}:{f.line}: [{f.rule}]{label} {f.message}")
            if f.hint:
                lines.append(f"      fix: {f.hint}")
        lines.append("")
    errors = sum(f.severity == ERROR for f in findings)
    warnings = len(findings) - errors
    lines.append(f"{errors} error(s), {warnings} warning(s).")
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github(findings: list[Finding]) -> str:
    out = []
    for f in sorted(findings):
        level = "error" if f.severity == ERROR else "warning"
        message = _escape(f"[{f.rule}] {f.message} Fix: {f.hint}")
        out.append(f"::{level} file={f.path},line={f.line},title={f.rule}::{message}")
    return "\n".join(out) + ("\n" if out else "")


def as_json(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in sorted(findings)], ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": text, "github": github, "json": as_json}
