#!/usr/bin/env bash
# Installs axe-core from the npm registry into target/axe for the accessibility browser test,
# once; prints the path of axe.min.js. The test calls it when the file is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/axe
file=$dir/node_modules/axe-core/axe.min.js
if [ ! -f "$file" ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm not found" >&2; exit 3; }
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" axe-core@4 >&2
fi
echo "$PWD/$file"
