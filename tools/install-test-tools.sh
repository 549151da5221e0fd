#!/usr/bin/env bash
# Installs the npm test servers (maildev, @vercel/cosmosdb-server) and parsers (mailparser, ical.js) into .tools/ at the repository root.
# Idempotent: does nothing when the pinned versions are already there. Called by .ci/run and, on first
# use, by the test fixtures (tests/Retention.Testing), so `dotnet test` works on a fresh machine too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.tools"
mkdir -p "$dest"
if [ -f "$dest/package.json" ] && cmp -s "$root/tools/package.json" "$dest/package.json" \
   && [ -x "$dest/node_modules/.bin/maildev" ] && [ -x "$dest/node_modules/.bin/cosmosdb-server" ] \
   && [ -f "$dest/node_modules/mailparser/package.json" ] && [ -f "$dest/node_modules/ical.js/package.json" ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "install-test-tools: npm is not installed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
cp "$root/tools/package.json" "$dest/package.json"
cd "$dest"
npm install --no-audit --no-fund --no-package-lock --loglevel=error
