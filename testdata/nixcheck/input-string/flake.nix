{
  description = "string shorthand for an input";
  inputs.a = "path:./dep";
  outputs = { self, a }: { };
}
