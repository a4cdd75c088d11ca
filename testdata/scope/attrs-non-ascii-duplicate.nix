# scope: duplicate-attribute
{ "naïve" = 1; "naïve" = 2; }
