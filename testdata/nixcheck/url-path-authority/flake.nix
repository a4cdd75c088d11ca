{
  description = "path URL with a host";
  inputs.a.url = "path://host/dep";
  outputs = { self, a }: { };
}
