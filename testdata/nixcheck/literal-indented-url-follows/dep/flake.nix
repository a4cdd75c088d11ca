{
  description = "local dependency with its own input";
  inputs.sub.url = "path:./sub";
  outputs = { self, sub }: { };
}
