# scope: duplicate-formal
{ a, a }: a
