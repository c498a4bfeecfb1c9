#!/usr/bin/env bash
# Installs what the test suites need, idempotently: Debian packages are installed only when missing, and the server
# conformance client's npm packages only when its package-lock.json changed.
# The reference implementations come from Debian (run with /usr/bin/python3), never from pip.
set -euo pipefail

packages=(
  python3          # /usr/bin/python3 for the reference implementations
  python3-nbformat # nbformat 5.x: byte-identity corpus, validation verdicts, trust signatures
  python3-fastjsonschema # nbformat's default validator, so verdicts match what users get
  python3-jupyter-client # the reference client: drives Quire's test kernel, benchmarks
  python3-ipykernel      # the reference kernel: driven by Quire's client and kernel manager
  git              # `quire nb strip --install` and the git diff driver are tested in real repositories
  tmux             # `quire console` is driven in a real terminal by its end-to-end test
  python3-jupyter-kernel-test # Debian's kernel conformance suite, run against the C# kernel
  python3-nbclient       # runs a C# notebook with the installed kernelspec
  jupyter-console        # `jupyter console --kernel csharp` is driven in tmux
  python3-jupyter-server # the reference server the @jupyterlab/services scenarios are proven against
  jupyter-nbconvert      # the reference converter `quire convert` is compared with (cells, outputs, speed)
  chromium               # headless browser: converted HTML and the web UI's end-to-end tests (playwright-core)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js runs the @jupyterlab/services client. Checked as commands, not packages: a nodejs from elsewhere
# (NodeSource's bundles npm and conflicts with Debian's npm package) is as good.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The server conformance client's npm packages (@jupyterlab/services, ws), exactly as locked: `npm ci` only when
# node_modules is missing or was installed from another package-lock.json.
client="$(dirname "$0")/../test/Quire.Conformance/Server/client"
stamp="$client/node_modules/.quire-package-lock.sha256"
lock_hash=$(sha256sum "$client/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "Installing the server conformance client's npm packages (npm ci in test/Quire.Conformance/Server/client)"
  (cd "$client" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$stamp"
fi
