[
  ./config/users-groups.nix
  ./misc/computed.nix
  ./rename.nix
  ./services/networking/ssh/sshd.nix
  ./services/web-servers/nginx
  (import ./misc/not-a-module.nix)
]
