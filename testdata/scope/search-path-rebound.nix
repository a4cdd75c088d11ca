# scope: 
let __findFile = _: b: b; in <x>
