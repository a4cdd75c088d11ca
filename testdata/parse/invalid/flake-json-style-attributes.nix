{
  "description": "Someone thought this was JSON",
  "inputs": {
    "nixpkgs": { "url": "github:NixOS/nixpkgs" }
  }
}
