a: b: with a; with b; c
