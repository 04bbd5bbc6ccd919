"""Command line of the editors' toolkit: `python -m scripts <command>` (or `guide <command>`)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from scripts import checks
from scripts.editors import report
from scripts.findings import ERROR
from scripts.model import load_site
from scripts.siteconfig import load_site_config


def _site(args):
    return load_site(load_site_config(args.root))


def cmd_check(args) -> int:
    site = _site(args)
    options = checks.Options(strict_freshness=args.strict_freshness, use_git=not args.no_git)
    if args.today:
        options.today = dt.date.fromisoformat(args.today)
    only = args.rule or None
    unknown = set(only or []) - set(checks.all_checks())
    if unknown:
        print(f"Unknown rule(s): {', '.join(sorted(unknown))}. "
              f"Rules: {', '.join(checks.all_checks())}", file=sys.stderr)
        return 2
    findings = checks.run(site, options, only)
    sys.stdout.write(report.FORMATS[args.format](findings))
    return 1 if any(f.severity == ERROR for f in findings) else 0


def _targets(site, names: list[str], all_pages: bool):
    cfg = site.config
    if all_pages:
        return [page for page, _ in site.translations()]
    out = []
    for name in names:
        path = Path(name)
        resolved = (cfg.root / path).resolve() if not path.is_absolute() else path
        matched = [page for page, _ in site.translations()
                   if page.path.resolve() == resolved or page.rel == name]
        if not matched:
            raise SystemExit(f"{name}: no such translation (give docs/<lang>/<path>.md or <path>.md)")
        out.extend(matched)
    return out


def cmd_stamp(args) -> int:
    from scripts.editors.stamping import stamp

    site = _site(args)
    if not args.pages and not args.all:
        print("Name the translations you brought up to date, e.g.\n"
              "  python -m scripts stamp docs/en/residence/fees.md\n"
              "  python -m scripts stamp residence/fees.md      (every language)\n"
              "or use --all to stamp every translation that agrees with its source.",
              file=sys.stderr)
        return 2
    refused = stamped = 0
    current = []
    for page, outcome, problems in stamp(site, _targets(site, args.pages, args.all), args.force):
        if outcome == "current":
            current.append(page.display_path)
        elif outcome == "stamped":
            stamped += 1
            print(f"stamped  {page.display_path}")
        elif outcome == "refused":
            refused += 1
            print(f"refused  {page.display_path}: it still disagrees with its source:")
            sys.stdout.write("".join(f"    {f.path}:{f.line}: [{f.rule}] {f.message}\n"
                                     for f in problems))
    if not stamped and not refused:
        # Say so, rather than print nothing: editors otherwise wonder whether it worked.
        print(f"Nothing to stamp: {', '.join(current) or 'these translations'} already "
              "match the current Slovak source.")
    return 1 if refused else 0


def cmd_status(args) -> int:
    from scripts.editors.status import dashboard

    site = _site(args)
    text = dashboard(site, use_git=not args.no_git)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
        print(f"wrote {args.write}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_new(args) -> int:
    from scripts.editors.scaffold import new_page

    config = load_site_config(args.root)
    try:
        for line in new_page(config, args.path):
            print(line)
    except ValueError as exc:
        print(f"{args.path}: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_linkcheck(args) -> int:
    from urllib.parse import urlsplit

    from scripts.quality.linkcheck import run_linkcheck

    config = load_site_config(args.root)
    base_path = urlsplit(config.site_url).path or "/"
    return run_linkcheck(config.site_dir, external=args.external, base_path=base_path)


def cmd_pr_report(args) -> int:
    from scripts.editors.pr_report import main as pr_report

    return pr_report(args.root, args.base, use_git=not args.no_git)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    parser.add_argument("--root", default=".", help="the repository (folder with mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="run the content checks")
    p.add_argument("--rule", action="append", help="run only this rule (repeatable): "
                   + ", ".join(checks.all_checks()))
    p.add_argument("--format", choices=sorted(report.FORMATS), default="text")
    p.add_argument("--strict-freshness", action="store_true",
                   help="pages past their review date are errors, not warnings")
    p.add_argument("--today", help=argparse.SUPPRESS)
    p.add_argument("--no-git", action="store_true", help="do not look up source history in git")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("stamp", help="record that translations match their Slovak source")
    p.add_argument("pages", nargs="*")
    p.add_argument("--all", action="store_true")
    p.add_argument("--force", action="store_true", help="stamp even if facts or headings differ")
    p.set_defaults(func=cmd_stamp)

    p = sub.add_parser("status", help="translation dashboard")
    p.add_argument("--write", metavar="FILE", help="write the dashboard as Markdown to FILE")
    p.add_argument("--no-git", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("new", help="scaffold a page in every language")
    p.add_argument("path", help="path inside a language folder, e.g. residence/my-page.md")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("linkcheck", help="crawl the built site/ for broken links and anchors")
    p.add_argument("--external", action="store_true", help="also check links to other sites")
    p.set_defaults(func=cmd_linkcheck)

    p = sub.add_parser("pr-report", help="Markdown report of what a branch changes, per language")
    p.add_argument("--base", default="origin/main", help="the branch or commit to compare with")
    p.add_argument("--no-git", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_pr_report)

    args = parser.parse_args(argv)
    return args.func(args)
