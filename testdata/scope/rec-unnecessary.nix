# scope: unnecessary-rec
rec { a = 1; b = 2; }
