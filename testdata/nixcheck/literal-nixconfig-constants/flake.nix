{
  description = "nixConfig with constant strings of every kind";
  nixConfig = rec {
    bash-prompt = ''dev> '';
    bash-prompt-suffix = " ";
    extra-substituters = [ https://cache.example.org "https://other.example.org" ];
    connect-timeout = 5;
    warn-dirty = false;
  };
  outputs = { self }: { };
}
