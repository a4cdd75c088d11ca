{
  description = "inputs behind a let";
  inputs = let n = "a"; in { ${n}.url = "path:./dep"; };
  outputs = { self, ... }: { };
}
