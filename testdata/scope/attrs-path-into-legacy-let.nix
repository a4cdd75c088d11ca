# scope: duplicate-attribute legacy-let
{ a = let { body = {}; }; a.y = 1; }
