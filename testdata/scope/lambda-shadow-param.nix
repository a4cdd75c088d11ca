# scope: unused-lambda-parameter
x: x: x
