-- Headless Neovim (0.7+) check of the Partnerlint language server over stdio with the built-in
-- LSP client. Opens a plan, waits for pushed diagnostics and compares them with what the CLI
-- reports for the same file (rule id + line), then asks for code lenses and expects the
-- readiness lens ("Readiness ..." with the CLI's score). Exit code 0 = pass.
--
-- env: SERVER  path of bin/partnerlint-server.js
--      EXPECT  path of the CLI's `--format json` output for this file (written by nvim-check.sh)
-- (0.7 has no vim.lsp.start(): start_client + buf_attach_client)
local server = assert(os.getenv('SERVER'), 'SERVER not set')
local expect_path = os.getenv('EXPECT')
local failures = 0
local function say(s) io.stdout:write(s .. '\n') end
local function fail(s) failures = failures + 1; say('FAIL: ' .. s) end
local function finish()
  say(failures == 0 and 'RESULT: PASS' or ('RESULT: FAIL (' .. failures .. ')'))
  io.stdout:flush()
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
local uri = vim.uri_from_bufnr(bufnr)

-- record what the server publishes, then let Neovim handle it as usual
local published = nil
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    if result and result.uri == uri then published = result.diagnostics end
    return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
  end,
}
local server_exit = nil
local client_id = vim.lsp.start_client({
  name = 'partnerlint',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(fname, ':p:h'),
  handlers = handlers,
  on_exit = function(code, signal) server_exit = code .. '/' .. signal end,
})
if not client_id then fail('start_client returned nil'); return finish() end
vim.lsp.buf_attach_client(bufnr, client_id)
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end

-- what the CLI reports for the same file
local report = nil
if expect_path and expect_path ~= '' then
  report = vim.json.decode(table.concat(vim.fn.readfile(expect_path), '\n'))[1]
end
local want_some = report == nil or #(report.findings or {}) > 0

-- 1. diagnostics (pushed via textDocument/publishDiagnostics); a clean plan gets an empty list
if not vim.wait(20000, function()
  return server_exit ~= nil or (published ~= nil and (#published > 0 or not want_some))
end, 20) then
  fail(published and 'only an empty diagnostics list within 20 s' or 'no diagnostics within 20 s'); return finish()
end
if server_exit then fail('server exited ' .. server_exit); return finish() end
say(string.format('diagnostics after %d ms: %d', ms(), #published))
local got = {}
for _, d in ipairs(published) do
  local code = d.code
  say(string.format('DIAG %s:%d:%d [%s] severity=%s source=%s %s', vim.fn.fnamemodify(fname, ':t'),
    d.range.start.line + 1, d.range.start.character + 1, tostring(code), tostring(d.severity),
    tostring(d.source), d.message))
  if type(code) ~= 'string' or not code:match('^[a-z][a-z0-9-]+$') then
    fail('diagnostic without a rule id as code: ' .. vim.inspect(d))
  end
  got[#got + 1] = tostring(code) .. '@' .. (d.range.start.line + 1)
end
-- the editor's view of them (vim.diagnostic) carries the same codes
local shown = vim.diagnostic.get(bufnr)
if #shown ~= #published then fail(string.format('vim.diagnostic shows %d, server sent %d', #shown, #published)) end
for _, d in ipairs(shown) do
  if not d.code then fail('vim.diagnostic entry without code: ' .. d.message) end
end

-- compare with the CLI on the same file
local expected_score = nil
if report then
  local entry = report
  local want = {}
  for _, f in ipairs(entry.findings or {}) do want[#want + 1] = f.ruleId .. '@' .. f.line end
  table.sort(want); table.sort(got)
  local a, b = table.concat(want, ' '), table.concat(got, ' ')
  if a ~= b then fail('LSP findings differ from the CLI\n  cli: ' .. a .. '\n  lsp: ' .. b)
  else say('diagnostics match the CLI: ' .. a) end
  if entry.readiness ~= nil and entry.readiness ~= vim.NIL then expected_score = entry.readiness.score end
end

-- 2. code lenses (textDocument/codeLens, resolved when the server resolves lazily)
local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeLens', { textDocument = { uri = uri } }, 15000)
local lenses = resp and resp[client_id] and resp[client_id].result or {}
if resp and resp[client_id] and resp[client_id].err then fail('codeLens error: ' .. vim.inspect(resp[client_id].err)) end
local readiness = nil
for _, l in ipairs(lenses) do
  if not l.command then
    local r = vim.lsp.buf_request_sync(bufnr, 'codeLens/resolve', l, 10000)
    if r and r[client_id] and r[client_id].result then l = r[client_id].result end
  end
  local title = l.command and l.command.title or '?'
  say(string.format('LENS line=%d %s (%s)', l.range.start.line + 1, title, l.command and l.command.command or '-'))
  if title:match('^Readiness') and not readiness then readiness = { title = title, line = l.range.start.line } end
end
if not readiness then fail('no code lens titled "Readiness..." among ' .. #lenses)
elseif expected_score ~= nil and not readiness.title:match('%f[%d]' .. expected_score .. '%f[%D]') then
  fail(string.format('readiness lens "%s" does not show the CLI score %s', readiness.title, tostring(expected_score)))
else
  say(string.format('readiness lens on line %d: %s', readiness.line + 1, readiness.title))
end

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return server_exit ~= nil end, 20)
finish()
