n: { ${n} = 1; "${n}-suffix" = 2; }
