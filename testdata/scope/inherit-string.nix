# scope: 
a: { inherit "a"; }
