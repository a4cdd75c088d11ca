{
  description = "nixConfig null";
  nixConfig.bash-prompt = null;
  outputs = { self }: { };
}
