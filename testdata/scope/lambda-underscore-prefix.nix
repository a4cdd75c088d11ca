# scope: 
_x: 1
