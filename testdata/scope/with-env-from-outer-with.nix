# scope: unused-with
p: with p; with q; 1
