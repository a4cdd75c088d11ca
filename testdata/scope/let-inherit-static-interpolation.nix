# scope: 
a: let inherit ${"a"}; in a
