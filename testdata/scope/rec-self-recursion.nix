# scope: 
rec { f = x: f x; }
