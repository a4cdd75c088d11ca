{
  description = "implicit registry input from a formal";
  outputs = { self, nixpkgs }: { };
}
