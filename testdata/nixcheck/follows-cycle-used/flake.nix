{
  description = "a follows a, and a is used";
  inputs.a.follows = "a";
  outputs = { self, a }: { x = a.outPath; };
}
