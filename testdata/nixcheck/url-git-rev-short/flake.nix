{
  description = "git rev too short";
  inputs.a.url = "git+https://example.org/repo.git?rev=1234abcd";
  outputs = { self, a }: { };
}
