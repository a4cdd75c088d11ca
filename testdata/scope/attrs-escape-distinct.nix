# scope: 
{ "a\nb" = 1; "a\\nb" = 2; }
