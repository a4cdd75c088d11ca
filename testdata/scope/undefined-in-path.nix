# scope: undefined-variable
./a/${x}.nix
