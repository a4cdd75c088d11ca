# scope: 
args@{ a }: [ args a ]
