rec {
  description = "dep";
  inputs.a.url = "path:./${description}";
  outputs = { self, a }: { };
}
