{
  description = "path input in attribute form";
  inputs.dep = {
    type = "path";
    path = "./dep";
  };
  outputs = { self, dep }: { };
}
