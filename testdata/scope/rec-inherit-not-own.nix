# scope: undefined-variable
rec { inherit x; y = x; }
