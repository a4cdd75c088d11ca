# scope: unused-with unused-with
a: b: with a; with b; a
