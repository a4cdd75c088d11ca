# Nix reads this as the integer 01 applied to the float .5
01.5
