{
  description = "narHash is a list";
  inputs.a = {
    type = "path";
    path = "./dep";
    narHash = [ ];
  };
  outputs = { self, a }: { };
}
