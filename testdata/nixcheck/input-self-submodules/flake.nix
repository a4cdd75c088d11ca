{
  description = "inputs.self";
  inputs.self.submodules = true;
  outputs = { self }: { };
}
