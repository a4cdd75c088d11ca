; Shell code in indented strings: the phases and hooks of derivations,
; shell hooks and scripts, by the name they are bound to. Escapes are
; passed on as written (`''${x}` reads as `''` then `${x}` in bash).
((binding
  attrpath: (attrpath
    (attribute) @_name .)
  value: (indented_string
    [
      (string_fragment)
      (escape_sequence)
    ] @injection.content))
  (#match? @_name "^(unpackPhase|patchPhase|configurePhase|buildPhase|checkPhase|installPhase|fixupPhase|installCheckPhase|distPhase|shellHook|script|preStart|postStart|preStop|postStop|pre[A-Z][A-Za-z]*|post[A-Z][A-Za-z]*|runScript|extraCommands)$")
  (#set! injection.language "bash")
  (#set! injection.combined))

; The script argument of nixpkgs' shell builders:
; `writeShellScript "name" ''...''`, `runCommand "name" { } ''...''`.
((apply
  function: (apply
    function: [
      (identifier) @_fn
      (select
        attrpath: (attrpath
          (attribute) @_fn .))
    ])
  argument: (indented_string
    [
      (string_fragment)
      (escape_sequence)
    ] @injection.content))
  (#match? @_fn "^(writeShellScript|writeShellScriptBin|writeScript|writeScriptBin)$")
  (#set! injection.language "bash")
  (#set! injection.combined))

((apply
  function: (apply
    function: (apply
      function: [
        (identifier) @_fn
        (select
          attrpath: (attrpath
            (attribute) @_fn .))
      ]))
  argument: (indented_string
    [
      (string_fragment)
      (escape_sequence)
    ] @injection.content))
  (#match? @_fn "^(runCommand|runCommandLocal|runCommandCC|runCommandNoCC)$")
  (#set! injection.language "bash")
  (#set! injection.combined))
