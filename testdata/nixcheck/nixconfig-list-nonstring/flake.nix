{
  description = "nixConfig list with an integer";
  nixConfig.extra-substituters = [ "https://cache.example.org" 1 ];
  outputs = { self }: { };
}
