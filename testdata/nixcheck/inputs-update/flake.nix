{
  description = "inputs merged with //";
  inputs = { a.url = "path:./dep"; } // { };
  outputs = { self, ... }: { };
}
