#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Never downloads a browser
# build of its own: the machines here reach only the npm registry and Debian's packages.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get)" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium package..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x /usr/bin/chromium ]
