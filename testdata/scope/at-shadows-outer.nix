# scope: unused-lambda-parameter
a: a@{ b }: [ a b ]
