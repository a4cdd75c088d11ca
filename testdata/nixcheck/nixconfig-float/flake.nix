{
  description = "nixConfig float";
  nixConfig.connect-timeout = 1.5;
  outputs = { self }: { };
}
