{
  description = "outputs in another file";
  outputs = import ./outputs.nix;
}
