# scope: 
<nixpkgs>
