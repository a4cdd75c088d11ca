{
  description = "nixConfig value computed";
  nixConfig.bash-prompt = "a" + "b";
  outputs = { self }: { };
}
