# scope: unused-at-name
{ a, ... }@args: a
