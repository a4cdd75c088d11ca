{
  description = "nixConfig value is a set";
  nixConfig.foo = { a = 1; };
  outputs = { self }: { };
}
