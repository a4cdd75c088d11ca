{
  description = "repository root flake";
  outputs = { self }: {
    lib.greeting = "hello";
  };
}
