{
  description = "a follows a";
  inputs.a.follows = "a";
  outputs = { self, ... }: { };
}
