#!/bin/sh
# The browser tests drive Chromium through Playwright, and the HTML check runs the Nu HTML
# Checker on Java. Install what is missing when we can (root with apt-get, e.g. this
# Debian machine), explain when we can't.
#
# CHROMIUM names the browser to use. Debian: /usr/bin/chromium (the default). GitHub's
# ubuntu-24.04 runners have no Debian chromium package (chromium-browser there is a snap
# stub) but ship Google Chrome: CI sets CHROMIUM=/usr/bin/google-chrome.
set -eu
browser=${CHROMIUM:-/usr/bin/chromium}
missing=""
[ -x "$browser" ] || missing=" chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing${missing} with apt-get..."
  apt-get update -qq
  # shellcheck disable=SC2086  # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  if [ -x "$browser" ]; then exit 0; fi
  echo "Chromium was installed, but not at $browser: set CHROMIUM=/usr/bin/chromium." >&2
  exit 1
fi
case " $missing " in *" chromium "*)
  echo "The browser tests need Chromium at $browser." >&2
  echo "Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
  echo "(or install Chrome or Chromium and set CHROMIUM=/path/to/it)." >&2 ;;
esac
case "$missing" in *default-jre-headless*)
  echo "The HTML check needs Java: sudo apt-get install -y default-jre-headless" >&2 ;;
esac
exit 1
