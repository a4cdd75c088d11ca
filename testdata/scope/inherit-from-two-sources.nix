# scope: duplicate-attribute
s: t: { inherit (s) a; inherit (t) a; }
