# scope: 
a: { inherit ${"a"}; }
