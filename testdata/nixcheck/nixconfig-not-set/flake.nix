{
  description = "nixConfig is a string";
  nixConfig = "bash-prompt = x";
  outputs = { self }: { };
}
