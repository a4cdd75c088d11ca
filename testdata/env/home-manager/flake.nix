{
  description = "A small stand-in for home-manager";
  outputs = { self }: {
    nixosModules.home-manager = ./nixos;
  };
}
