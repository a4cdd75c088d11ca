# scope: 
p: with p; { inherit hello; }
