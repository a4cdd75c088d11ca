# scope: unused-lambda-parameter
x: let x = 1; in x
