# scope: unused-with
a: b: c: let d = a; in with b; { e = d; f = c; g = rec { h = i; i = 1; }; }
