# scope: 
_: 1
