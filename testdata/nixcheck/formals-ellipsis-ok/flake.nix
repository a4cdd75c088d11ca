{
  description = "input absorbed by ...";
  inputs.a.url = "path:./dep";
  outputs = { self, ... }: { };
}
