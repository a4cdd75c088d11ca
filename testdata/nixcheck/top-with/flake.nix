with builtins;
{
  description = "top level under with";
  outputs = { self }: { };
}
