{ ... }:
{
  description = "a flake written as a function";
  outputs = { self }: { };
}
