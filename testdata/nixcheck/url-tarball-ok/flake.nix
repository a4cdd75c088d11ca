{
  description = "tarball input";
  inputs.a.url = "https://example.org/archive/main.tar.gz";
  outputs = { self, a }: { };
}
