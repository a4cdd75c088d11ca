-- flake-lsp for Neovim: starts the server for Nix files and flake.lock,
-- one client per flake root. Works with Neovim 0.7 (vim.lsp.start_client)
-- and later (vim.lsp.start).
local M = {}

local defaults = {
  cmd = { "flake-lsp" },
  -- Settings sent as initializationOptions and on workspace/configuration
  -- (section "flake-lsp"): diagnostics.ignore, exclude, maxFileSize,
  -- formatter, codeLens.enable, inlayHints.enable, indexes.enable, nixVersion, store.
  settings = {},
  filetypes = { "nix" },
  -- Show the server's code lenses (refreshed on attach, on entering the
  -- buffer and after edits) and, on Neovim 0.10+, its inlay hints.
  codelens = true,
  inlay_hints = true,
}

local config = vim.deepcopy(defaults)
local clients = {} -- root directory -> client id (Neovim 0.7 path)

-- The flake root: the nearest directory with a flake.nix, else the
-- nearest with .git, else the file's directory.
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local found = vim.fn.findfile("flake.nix", dir .. ";")
  if found ~= "" then
    return vim.fn.fnamemodify(found, ":p:h")
  end
  local git = vim.fn.finddir(".git", dir .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return dir
end

-- runInTerminal is what a code lens runs: the command line in a terminal
-- split, in the flake's directory. The server never runs it.
local function run_in_terminal(command)
  local arg = command and command.arguments and command.arguments[1]
  if type(arg) ~= "table" or type(arg.command) ~= "string" then
    return
  end
  vim.cmd("botright split")
  vim.cmd("enew")
  local opts = {}
  if arg.cwd and arg.cwd ~= "" then
    opts.cwd = arg.cwd
  end
  vim.fn.termopen(arg.command, opts)
  if arg.name and arg.name ~= "" then
    pcall(vim.api.nvim_buf_set_name, 0, "term://" .. arg.name .. "//" .. arg.command)
  end
end
M.run_in_terminal = run_in_terminal

local function on_attach(client, bufnr)
  if config.codelens and client.server_capabilities and client.server_capabilities.codeLensProvider then
    pcall(vim.lsp.codelens.refresh)
    local group = vim.api.nvim_create_augroup("flake-lsp-codelens-" .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "BufWritePost" }, {
      group = group,
      buffer = bufnr,
      callback = function() pcall(vim.lsp.codelens.refresh) end,
    })
  end
  if config.inlay_hints and vim.lsp.inlay_hint and client.server_capabilities and client.server_capabilities.inlayHintProvider then
    -- 0.10's signature, then the one of its pre-releases.
    if not pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr }) then
      pcall(vim.lsp.inlay_hint.enable, bufnr, true)
    end
  end
end

local function client_config(root)
  return {
    name = "flake-lsp",
    cmd = config.cmd,
    root_dir = root,
    init_options = config.settings,
    settings = { ["flake-lsp"] = config.settings },
    on_attach = on_attach,
    -- Answer workspace/configuration from the settings above.
    handlers = {
      ["workspace/configuration"] = function(_, params)
        local out = {}
        for _, item in ipairs(params.items or {}) do
          if item.section == "flake-lsp" then
            table.insert(out, config.settings)
          else
            table.insert(out, vim.NIL)
          end
        end
        return out
      end,
    },
  }
end

-- attach starts (or reuses) the client for the buffer's flake.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == "" then
    return
  end
  local root = root_of(path)
  if vim.lsp.start then
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(client_config(root))
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

-- Neovim 0.9 and later highlight the server's semantic tokens by
-- themselves (the server advertises them and nothing here turns them off).
-- The token types beyond LSP's own get a default look, which a colour
-- scheme or the user's own highlights override.
local token_links = {
  ["@lsp.type.escapeSequence"] = "@string.escape",
  ["@lsp.type.interpolation"] = "@punctuation.special",
  ["@lsp.type.path"] = "@string.special",
  ["@lsp.type.uri"] = "@string.special",
}

local function link_token_types()
  if not vim.lsp.semantic_tokens then
    return
  end
  for group, target in pairs(token_links) do
    vim.api.nvim_set_hl(0, group, { link = target, default = true })
  end
end

-- setup({ cmd = {...}, settings = {...} }) registers the autocommands.
function M.setup(opts)
  config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup("flake-lsp", { clear = true })
  -- Client-side command of the code lenses.
  vim.lsp.commands["flake-lsp.runInTerminal"] = run_in_terminal
  -- :FlakeLspRunLens runs the code lens of the cursor's line (a choice
  -- when it has several).
  vim.api.nvim_create_user_command("FlakeLspRunLens", function() vim.lsp.codelens.run() end,
    { desc = "flake-lsp: run the code lens on this line" })
  link_token_types()
  vim.api.nvim_create_autocmd("ColorScheme", { group = group, callback = link_token_types })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
    group = group,
    pattern = "flake.lock",
    callback = function(args) M.attach(args.buf) end,
  })
end

return M
