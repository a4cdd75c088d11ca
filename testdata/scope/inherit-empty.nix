# scope: empty-inherit
{ inherit; }
