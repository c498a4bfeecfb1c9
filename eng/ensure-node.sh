#!/usr/bin/env bash
# Makes sure node and npm exist, for the web UI's build (src/Quire.Server/Ui/Web.targets). Idempotent: it does nothing
# when both commands are found, whatever installed them; otherwise it installs Debian's nodejs and npm.
set -euo pipefail

missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "The web UI needs Node.js; installing ${missing[*]} with apt-get"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: node/npm are missing and installing them needs root (or sudo): apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
