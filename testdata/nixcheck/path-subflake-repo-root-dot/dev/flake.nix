{
  description = "development tools for the repository";
  inputs.top.url = "path:../.";
  outputs = { self, top }: {
    lib.message = top.lib.greeting;
  };
}
