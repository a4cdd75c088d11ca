{
  description = "url built with interpolation";
  inputs.a.url = "path:./${"dep"}";
  outputs = { self, a }: { };
}
