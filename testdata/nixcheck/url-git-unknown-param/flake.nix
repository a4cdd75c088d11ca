{
  description = "git tag parameter";
  inputs.a.url = "git+https://example.org/repo.git?tag=v1";
  outputs = { self, a }: { };
}
