{
  description = "helper scripts used by the parent flake";

  outputs = { self }: {
    lib.scripts = [ "fmt" "lint" ];
  };
}
