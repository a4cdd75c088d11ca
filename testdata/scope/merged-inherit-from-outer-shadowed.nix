# scope: unused-let-binding
let x = 1; in { a = rec { x = {}; }; a = { inherit (x) y; }; }
