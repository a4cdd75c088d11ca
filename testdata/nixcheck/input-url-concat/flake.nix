{
  description = "url built with +";
  inputs.a.url = "path:" + "./dep";
  outputs = { self, a }: { };
}
