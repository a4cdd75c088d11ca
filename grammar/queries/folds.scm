; Regions an editor may fold.
[
  (attrset)
  (rec_attrset)
  (legacy_let)
  (let)
  (list)
  (formals)
  (indented_string)
  (parenthesized)
  (comment)
] @fold
