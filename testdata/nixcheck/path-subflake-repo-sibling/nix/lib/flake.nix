{
  description = "shared library sub-flake";
  outputs = { self }: { lib.answer = 42; };
}
