{ lib ? null }:

let
  abs = x: if x < 0 then -x else x;
  min = a: b: if a < b then a else b;
  max = a: b: if a > b then a else b;
  clamp = lo: hi: x: max lo (min hi x);

  # Integer exponentiation by squaring.
  pow = base: exp:
    if exp == 0 then 1
    else if exp == 1 then base
    else
      let half = pow base (exp / 2);
      in if builtins.bitAnd exp 1 == 0 then half * half else half * half * base;

  mod = a: b: a - (a / b) * b;
  gcd = a: b: if b == 0 then abs a else gcd b (mod a b);
  lcm = a: b: abs (a * b) / gcd a b;

  sum = builtins.foldl' (acc: x: acc + x) 0;
  average = xs: if xs == [ ] then 0.0 else (sum xs) / (builtins.length xs * 1.0);

  isEven = n: mod n 2 == 0;
  range = from: to: if from > to then [ ] else [ from ] ++ range (from + 1) to;
in
{
  inherit abs min max clamp pow mod gcd lcm sum average isEven range;
  constants = {
    e = 2.718281828;
    pi = 3.14159265;
    kib = 1024;
    mib = 1024 * 1024;
    gib = pow 2 30;
    tiny = 1.0e-9;
    big = 6.02e23;
  };
}
