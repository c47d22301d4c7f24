#!/usr/bin/env bash
# Opens a litmus file in headless Neovim (its built-in LSP client, Neovim >= 0.7) with
# `ordo lsp --stdio` as the server, and prints the diagnostics Neovim received, verdict
# included. Waits for the verdict, or for the server to go quiet when the file cannot be
# checked. Exit status 0 if diagnostics arrived, 1 if nothing did before the timeout.
#   scripts/nvim-lsp-demo.sh [FILE.litmus] [TIMEOUT_SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
file="$(realpath "${1:-$root/litmus/classic/SB+mbs.litmus}")"
timeout_s="${2:-60}"
command -v nvim >/dev/null || { echo "nvim-lsp-demo: nvim is not installed (apt-get install neovim)" >&2; exit 2; }
[ -f "$file" ] || { echo "nvim-lsp-demo: no such file: $file" >&2; exit 2; }
[ -f "$root/dist/ordo.cjs" ] || (cd "$root" && node scripts/build.mjs)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/init.lua" <<'LUA'
local out = assert(io.open(vim.env.ORDO_DEMO_OUT, 'w'))
local verdict, published, running = false, false, false
local last_event = vim.loop.now()
local function report(result)
  for _, d in ipairs(result.diagnostics) do
    local severity = ({ 'error', 'warning', 'info', 'hint' })[d.severity or 1]
    out:write(string.format('%s:%d:%d: %s: %s [%s]\n', vim.fn.fnamemodify(vim.uri_to_fname(result.uri), ':t'),
      d.range.start.line + 1, d.range.start.character + 1, severity, d.message, d.code or ''))
    if d.code == 'ordo/verdict' then verdict = true end
  end
  published, last_event = true, vim.loop.now()
  out:write(string.format('-- %d diagnostics (document version %s)\n', #result.diagnostics,
    tostring(result.version)))
  out:flush()
end
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.ORDO_DEMO_FILE))
local client = vim.lsp.start_client({
  name = 'ordo',
  cmd = { 'node', vim.env.ORDO_DEMO_ROOT .. '/bin/ordo', 'lsp', '--stdio' },
  root_dir = vim.env.ORDO_DEMO_ROOT,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result) report(result) end,
    ['ordo/checkStatus'] = function(_, s)
      out:write(string.format('-- check %s (version %d)%s\n', s.state, s.version,
        s.message and (': ' .. s.message) or ''))
      running, last_event = s.state == 'running', vim.loop.now()
    end,
  },
})
vim.lsp.buf_attach_client(0, client)
-- Done at the verdict, or once diagnostics came and no check has run for two seconds.
local function done()
  return verdict or (published and not running and vim.loop.now() - last_event > 2000)
end
vim.wait(tonumber(vim.env.ORDO_DEMO_TIMEOUT) * 1000, done, 50)
out:close()
vim.lsp.stop_client(client)
vim.cmd(published and 'qa!' or 'cquit!')
LUA

status=0
ORDO_DEMO_OUT="$work/out.txt" ORDO_DEMO_FILE="$file" ORDO_DEMO_ROOT="$root" ORDO_DEMO_TIMEOUT="$timeout_s" \
  nvim --headless -n -i NONE -u "$work/init.lua" || status=$?
echo "== diagnostics Neovim received for $file"
cat "$work/out.txt"
exit "$status"
