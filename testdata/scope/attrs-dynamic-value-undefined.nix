# scope: undefined-variable
k: { ${k} = v; }
