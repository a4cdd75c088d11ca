[
  ./config/networking.nix
  ./config/users-groups.nix
  ./services/networking/ssh/sshd.nix
  ./rename.nix
]
