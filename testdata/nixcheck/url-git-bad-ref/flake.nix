{
  description = "git ref with ..";
  inputs.a.url = "git+https://example.org/repo.git?ref=a..b";
  outputs = { self, a }: { };
}
