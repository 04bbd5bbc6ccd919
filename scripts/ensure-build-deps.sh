#!/bin/sh
# The PDF handbook (scripts/build/handbook.py) is rendered by WeasyPrint, which needs Pango
# and a font that covers Slovak and Cyrillic letters: Debian's fonts-dejavu-core.
# Install them when we can (as root, like scripts/ensure-chromium.sh), explain when we can't.
set -eu
missing=""
fc-match -f "%{family}" "DejaVu Sans" 2>/dev/null | grep -q "DejaVu Sans" || missing="$missing fonts-dejavu-core fontconfig"
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing$missing for the PDF handbook..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "The PDF handbook needs:$missing" >&2
echo "Install with: sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
