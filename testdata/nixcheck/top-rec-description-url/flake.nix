rec {
  description = "path:./dep";
  inputs.a.url = description;
  outputs = { self, a }: { };
}
