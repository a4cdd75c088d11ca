{
  description = "follows is a list";
  inputs.a.url = "path:./dep";
  inputs.b.follows = [ "a" ];
  outputs = { self, ... }: { };
}
