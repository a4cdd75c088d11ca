{
  description = "file+git instead of git+file";
  inputs.a.url = "file+git:///tmp/repo";
  outputs = { self, a }: { };
}
