# scope: 
p: let a = with p; hello; in a
