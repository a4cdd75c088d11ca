# scope: 
p: with p; [ a b c ]
