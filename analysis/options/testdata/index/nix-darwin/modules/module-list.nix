[
  ./system
  ./system/defaults/dock.nix
  ./services/nix-daemon.nix
]
