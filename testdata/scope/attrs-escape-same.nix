# scope: duplicate-attribute
{ "a\qb" = 1; "aqb" = 2; }
