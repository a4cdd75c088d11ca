{
  description = "a follows b follows a";
  inputs.a.follows = "b";
  inputs.b.follows = "a";
  outputs = { self, ... }: { };
}
