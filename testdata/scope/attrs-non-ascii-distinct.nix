# scope: 
{ "naïve" = 1; "naive" = 2; }
