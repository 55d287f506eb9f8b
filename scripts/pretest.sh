#!/usr/bin/env bash
# Before `npm test`: the browser tests need Debian's chromium. Use CHROMIUM_PATH or the usual
# paths; as root, install it with apt-get when it is missing. Never downloads anything else.
set -euo pipefail
for p in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$p" ] && [ -x "$p" ]; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "pretest: chromium not found; installing it with apt-get (once)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
  exit 0
fi
echo "pretest: the browser tests need chromium. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
exit 1
