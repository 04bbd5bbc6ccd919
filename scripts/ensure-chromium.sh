#!/bin/sh
# Browser tests drive Debian's Chromium through Playwright (Playwright's own
# browser download is not available). Install it when we can, explain when we can't.
set -eu
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium." >&2
echo "Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
echo "(or on another system, install Chromium and set CHROMIUM=/path/to/chromium)." >&2
exit 1
