{
  description = "nixConfig bad Boolean";
  nixConfig.allow-import-from-derivation = "maybe";
  outputs = { self }: { };
}
