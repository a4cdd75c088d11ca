{
  description = "input called self";
  inputs.self.url = "path:./dep";
  outputs = { self }: { };
}
