# scope: 
let __nixPath = [ ]; in <x>
