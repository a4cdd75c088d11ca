# scope: 
rec { toString = x: x; y = toString 1; }
