; Scopes and the names they define, for highlighters that colour a use
; like its definition.

[
  (let)
  (legacy_let)
  (rec_attrset)
  (lambda)
] @local.scope

(formal
  name: (identifier) @local.definition)

(lambda
  parameter: (identifier) @local.definition)

(let
  (binding
    attrpath: (attrpath
      .
      (attribute) @local.definition)))

(rec_attrset
  (binding
    attrpath: (attrpath
      .
      (attribute) @local.definition)))

(let
  (inherit
    attribute: (attribute) @local.definition))

(identifier) @local.reference
