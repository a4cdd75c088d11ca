# scope: 
{ self, nixpkgs }: nixpkgs
