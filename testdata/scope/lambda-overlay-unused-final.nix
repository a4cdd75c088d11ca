# scope: unused-lambda-parameter
final: prev: { x = prev.y; }
