# scope: 
a@{ }: a
