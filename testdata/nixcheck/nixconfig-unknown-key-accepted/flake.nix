{
  description = "nixConfig unknown key";
  nixConfig.no-such-setting = "x";
  outputs = { self }: { };
}
