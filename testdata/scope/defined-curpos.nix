# scope: 
__curPos
