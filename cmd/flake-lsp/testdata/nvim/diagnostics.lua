-- Run by TestRealNeovim: headless Neovim (0.7 API) loads the plugin in
-- editors/neovim, opens a flake, and reports what the server answered:
-- diagnostics after an edit, hover, definition, completion and rename.
local out = {}
local function log(s) table.insert(out, s) end
local function finish(code)
  vim.fn.writefile(out, "@DIR@/result.txt")
  vim.cmd(code == 0 and "qall!" or ("cquit " .. code))
end

-- The first result of a request, from whichever client answered.
local function request(buf, method, params)
  local res = vim.lsp.buf_request_sync(buf, method, params, 5000) or {}
  for _, r in pairs(res) do
    if r.error then return nil, r.error.message end
    return r.result
  end
  return nil, "no answer"
end

local ok, err = pcall(function()
  vim.cmd("filetype on") -- -u NONE leaves it off; every real setup has it
  vim.opt.runtimepath:append("@PLUGIN@")
  require("flake-lsp").setup({ cmd = { "@BIN@", "--log-level", "debug", "--log-file", "@DIR@/server.log" } })
  local pushed = false
  local orig = vim.lsp.handlers["textDocument/publishDiagnostics"]
  vim.lsp.handlers["textDocument/publishDiagnostics"] = function(e, r, ctx, c)
    pushed = true
    return orig(e, r, ctx, c)
  end
  vim.cmd("edit @DIR@/flake.nix")
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(5000, function() return #vim.lsp.buf_get_clients(buf) > 0 and vim.lsp.buf_get_clients(buf)[1].initialized end, 10)
  local client = vim.lsp.buf_get_clients(buf)[1]
  if client == nil then error("the plugin did not start flake-lsp") end
  vim.wait(5000, function() return pushed end, 10)
  log("open: " .. #vim.diagnostic.get(buf) .. " diagnostics")

  local uri = vim.uri_from_bufnr(buf)
  local function at(line, character)
    return { textDocument = { uri = uri }, position = { line = line, character = character } }
  end
  -- Line 5 is `    packages.x86_64-linux.default = nixpkgs.legacyPackages...`.
  local h = request(buf, "textDocument/hover", at(4, 38))
  log("hover: " .. (h and h.contents and h.contents.value or "none"):gsub("\n.*", ""))
  local d = request(buf, "textDocument/definition", at(4, 38))
  if d and d[1] then log("definition: " .. d[1].range.start.line .. ":" .. d[1].range.start.character) end
  local c = request(buf, "textDocument/completion", at(4, 44))
  local labels = {}
  for _, item in ipairs(c and (c.items or c) or {}) do labels[item.label] = true end
  log("completion has legacyPackages: " .. tostring(labels["legacyPackages"] == true))
  -- Semantic tokens: advertised with a legend and deltas (Neovim 0.9+
  -- asks for them by itself; 0.7 is asked here), the first token the
  -- description attribute.
  local st = client.server_capabilities and client.server_capabilities.semanticTokensProvider
  if st then
    log("semantic tokens: delta " .. tostring(st.full and st.full.delta) .. ", range " .. tostring(st.range) .. ", " .. #st.legend.tokenTypes .. " types")
    local toks = request(buf, "textDocument/semanticTokens/full", { textDocument = { uri = uri } })
    if toks and toks.data and #toks.data >= 5 then
      log("first token: " .. toks.data[1] .. ":" .. toks.data[2] .. " " .. st.legend.tokenTypes[toks.data[4] + 1])
    end
  end
  if vim.lsp.semantic_tokens then
    log("neovim highlights semantic tokens itself")
  end
  -- Code lenses: the plugin refreshed them on attach; the lens command
  -- runs in a terminal split in the flake's directory.
  vim.wait(5000, function() return #(vim.lsp.codelens.get(buf) or {}) > 0 end, 10)
  local lenses = vim.lsp.codelens.get(buf) or {}
  local titles = {}
  for _, l in ipairs(lenses) do
    if l.command then table.insert(titles, l.command.title) end
  end
  table.sort(titles)
  log("code lenses: " .. table.concat(titles, " | "))
  if lenses[1] and lenses[1].command then
    local cmd = vim.deepcopy(lenses[1].command)
    log("lens command: " .. cmd.command .. " in " .. tostring(cmd.arguments[1].cwd == "@DIR@"))
    -- Run it as a code lens is run, with a harmless command line.
    cmd.arguments[1].command = "pwd > lens-ran.txt"
    vim.lsp.commands[cmd.command](cmd, { bufnr = buf, client_id = client.id })
    vim.wait(5000, function() return vim.fn.filereadable("@DIR@/lens-ran.txt") == 1 and #vim.fn.readfile("@DIR@/lens-ran.txt") > 0 end, 10)
    local ran = vim.fn.filereadable("@DIR@/lens-ran.txt") == 1 and vim.fn.readfile("@DIR@/lens-ran.txt")[1] or "nothing"
    log("lens ran in: " .. tostring(ran == "@DIR@") .. ", terminal: " .. vim.bo.buftype)
    vim.cmd("close")
  end
  log("user command: " .. tostring(vim.fn.exists(":FlakeLspRunLens") == 2))
  local r = request(buf, "textDocument/rename", vim.tbl_extend("force", at(3, 21), { newName = "np" }))
  local n = 0
  for _, edits in pairs(r and r.changes or {}) do n = n + #edits end
  log("rename edits: " .. n)

  -- Line 2 is `  description = "héllo 😀";`: add a stray ']' after it, at
  -- UTF-16 column 28, byte column 31.
  vim.api.nvim_buf_set_lines(buf, 1, 2, false, { '  description = "héllo 😀"; ]' })
  vim.wait(5000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
  for _, diag in ipairs(vim.diagnostic.get(buf)) do
    local code = diag.code or (diag.user_data and diag.user_data.lsp and diag.user_data.lsp.code) or "?"
    -- diag.col is a byte column in Neovim, converted from the UTF-16
    -- column the server sent.
    log(code .. " " .. diag.lnum .. ":" .. diag.col .. " " .. diag.message)
  end
  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 10)
  log(client.is_stopped() and "stopped" or "still running")
end)
if not ok then log("error: " .. tostring(err)); finish(1) else finish(0) end
