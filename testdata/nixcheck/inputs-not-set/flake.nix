{
  description = "inputs is a list";
  inputs = [ ];
  outputs = { self }: { };
}
