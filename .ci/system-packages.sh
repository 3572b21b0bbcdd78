#!/usr/bin/env bash
# Installs what the tests need beyond npm: Chromium (the dashboard's browser e2e) and PostgreSQL (the indexer's
# PostgreSQL test starts its own server). Runs before `npm test` (its `pretest` script); does nothing when both are
# present. Needs root (or sudo) and Debian's apt; otherwise it says what to install and leaves the rest to the tests.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: install ${missing[*]} with your package manager (the dashboard and PostgreSQL tests need them)" >&2
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  else
    echo "system-packages: run as root: apt-get install -y ${missing[*]} (the dashboard and PostgreSQL tests need them)" >&2
    exit 0
  fi
fi
echo "system-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
