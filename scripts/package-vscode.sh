#!/usr/bin/env bash
# Packages the VS Code extension (editors/vscode) into editors/vscode/ordo-litmus.vsix with
# the standard tool, vsce. Its dependencies live in editors/vscode/node_modules, not the root's.
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"
if [ ! -d node_modules ]; then npm ci; fi
npx tsc --noEmit -p .
# vsce runs the `vscode:prepublish` script (the esbuild bundle) before packing.
npx vsce package --no-dependencies --allow-missing-repository --out ordo-litmus.vsix
echo "wrote $(pwd)/ordo-litmus.vsix"
