# scope: 
rec { ${x} = 1; x = "a"; }
