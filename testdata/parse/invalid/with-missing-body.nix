x: with x;
