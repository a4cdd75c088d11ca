# scope: duplicate-at-name unused-lambda-parameter
x: { x, ... }@x: x
