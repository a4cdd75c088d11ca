{
  description = "follows dep/1x";
  inputs.dep.url = "path:./dep";
  inputs.a.follows = "dep/1x";
  outputs = { self, ... }: { };
}
