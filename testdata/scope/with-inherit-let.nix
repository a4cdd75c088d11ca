# scope: 
p: with p; let inherit hello; in hello
