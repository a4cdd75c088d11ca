# scope: duplicate-attribute
s: t: let inherit (s) a; inherit (t) a; in a
