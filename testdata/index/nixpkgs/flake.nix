{
  description = "A collection of packages for the Nix package manager";
  outputs = { self }: { lib = import ./lib; };
}
