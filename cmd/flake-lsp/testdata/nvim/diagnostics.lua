-- Run by TestRealNeovim: Neovim (0.7 API) starts flake-lsp, opens a
-- flake, deletes a ';' and reports the diagnostics it received.
local out = {}
local function log(s) table.insert(out, s) end
local function finish(code)
  vim.fn.writefile(out, "@DIR@/result.txt")
  vim.cmd(code == 0 and "qall!" or ("cquit " .. code))
end
local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = "flake-lsp",
    cmd = { "@BIN@", "--log-level", "debug", "--log-file", "@DIR@/server.log" },
    root_dir = "@DIR@",
  })
  vim.cmd("edit @DIR@/flake.nix")
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  vim.wait(5000, function() return client.initialized end, 10)
  -- Diagnostics for the open document: wait for the server's first push.
  local pushed = false
  local orig = vim.lsp.handlers["textDocument/publishDiagnostics"]
  vim.lsp.handlers["textDocument/publishDiagnostics"] = function(e, r, ctx, c)
    pushed = true
    return orig(e, r, ctx, c)
  end
  vim.wait(5000, function() return pushed end, 10)
  log("open: " .. #vim.diagnostic.get(buf) .. " diagnostics")
  -- Line 2 is `  description = "héllo 😀";`: add a stray ']' after it, at
  -- UTF-16 column 28, byte column 31.
  vim.api.nvim_buf_set_lines(buf, 1, 2, false, { '  description = "héllo 😀"; ]' })
  vim.wait(5000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
    -- d.col is a byte column in Neovim, converted from the UTF-16 column
    -- the server sent.
    log(code .. " " .. d.lnum .. ":" .. d.col .. " " .. d.message)
  end
  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 10)
  log(client.is_stopped() and "stopped" or "still running")
end)
if not ok then log("error: " .. tostring(err)); finish(1) else finish(0) end
