{
  description = ''the team's flake'';
  outputs = { self }: { };
}
