# scope: 
{ a = rec { x = {}; }; a = { inherit (x) y; }; }
