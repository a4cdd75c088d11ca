# scope: unused-lambda-parameter
x: 1
