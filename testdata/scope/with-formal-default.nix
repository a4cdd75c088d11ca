# scope: 
p: with p; { a ? hello }: a
