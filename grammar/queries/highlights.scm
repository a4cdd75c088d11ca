; Highlights for flake-lsp's Nix grammar. When several patterns capture
; the same node, the last one wins (as in the tree-sitter CLI 0.22 and
; Neovim), so general patterns come first and special cases after them.

(identifier) @variable

(attribute) @property

(comment) @comment

; Punctuation and operators.
[
  "("
  ")"
  "["
  "]"
  "{"
  "}"
] @punctuation.bracket

[
  ";"
  "."
  ","
  ":"
] @punctuation.delimiter

[
  "="
  "@"
  "?"
] @operator

(binary
  operator: _ @operator)

(unary
  operator: _ @operator)

(ellipsis) @punctuation.special

; Keywords.
[
  "assert"
  "with"
  "let"
  "in"
  "rec"
  "inherit"
  "or"
] @keyword

[
  "if"
  "then"
  "else"
] @keyword.conditional

; Literals: strings with their escapes and interpolations, numbers, paths
; and URLs.
[
  (string)
  (indented_string)
] @string

(escape_sequence) @string.escape

(interpolation
  "${" @punctuation.special
  "}" @punctuation.special)

[
  (integer)
  (float)
] @number

[
  (path)
  (search_path)
] @string.special.path

(uri) @string.special.url

; Names a let binds are variables (locals.scm gives their uses the
; highlight of the definition).
(let
  (binding
    attrpath: (attrpath
      .
      (attribute) @variable)))

(let
  (inherit
    attribute: (attribute) @variable))

; Parameters: formals and the names of whole arguments.
(formal
  name: (identifier) @variable.parameter)

(lambda
  parameter: (identifier) @variable.parameter)

; Bindings whose value is a function.
(binding
  attrpath: (attrpath
    (attribute) @function .)
  value: (lambda))

; Calls: `f x`, `pkgs.lib.f x`.
(apply
  function: (identifier) @function.call)

(apply
  function: (select
    attrpath: (attrpath
      (attribute) @function.call .)))

; Built-in values and functions in the global scope, and builtins.<name>.
((identifier) @variable.builtin
  (#match? @variable.builtin "^(builtins|true|false|null)$"))

((identifier) @function.builtin
  (#match? @function.builtin "^(abort|baseNameOf|break|derivation|derivationStrict|dirOf|fetchGit|fetchMercurial|fetchTarball|fetchTree|fromTOML|import|isNull|map|placeholder|removeAttrs|scopedImport|throw|toString|__[a-zA-Z0-9_]+)$"))

(select
  expression: (identifier) @variable.builtin
  attrpath: (attrpath
    .
    (attribute) @function.builtin)
  (#eq? @variable.builtin "builtins"))
