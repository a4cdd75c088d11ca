# scope: empty-inherit
{ inherit (zzz); }
