{
  description = "declared input missing from the formals";
  inputs.a.url = "path:./dep";
  outputs = { self }: { };
}
