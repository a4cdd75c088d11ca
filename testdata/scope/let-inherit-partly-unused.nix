# scope: unused-let-binding
s: let inherit (s) a b; in a
