{
  description = "dynamic keys that are string literals";
  inputs.${"dep"}.url = "path:./dep";
  ${"outputs"} = { self, dep }: { };
}
