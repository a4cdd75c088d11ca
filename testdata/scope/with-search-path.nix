# scope: unused-with
p: with p; <nixpkgs>
