# scope: 
let __curPos = 1; in __curPos
