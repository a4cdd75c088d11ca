{
  description = "sub-flake using a sibling and the root";
  inputs.shared.url = "path:../lib";
  inputs.top.url = "path:../..";
  outputs = { self, shared, top }: {
    lib.both = [ shared.lib.answer top.lib.greeting ];
  };
}
