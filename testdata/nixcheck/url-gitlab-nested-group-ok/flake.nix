{
  description = "gitlab nested group";
  inputs.a.url = "gitlab:veloren%2Fdev/rfcs";
  outputs = { self, a }: { };
}
