{
  description = "follows to nowhere";
  inputs.a.follows = "nope";
  outputs = { self, ... }: { };
}
