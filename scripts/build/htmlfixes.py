"""Make Material's markup valid HTML (the Nu HTML Checker runs in `make test`).

Material writes three things the HTML standard does not allow; they sit in parts of its
templates that cannot be overridden by block, so the built page is corrected instead:

- `autocomplete="off"` on the drawer and search checkboxes (only text-like inputs may
  have it). Material uses it so Firefox does not restore an open drawer on "Back";
  assets/site.js closes both toggles on `pageshow` instead.
- a table-of-contents `<label for="__toc">` on pages whose `__toc` checkbox Material does
  not render (section landing pages): a `<div>` with the same class looks the same.
- `autocorrect="off"` on the search box is set by the search loader at run time
  (overrides/partials/site-search.html), not in the markup.

tests/test_html_valid.py fails if a Material upgrade changes this markup.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def fix(html: str) -> str:
    html = _TOGGLE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    return html
