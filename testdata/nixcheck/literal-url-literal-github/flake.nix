{
  description = "a github: URL literal as input url";
  inputs.nur.url = github:nix-community/NUR;
  outputs = { self, nur }: { };
}
