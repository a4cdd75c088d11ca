# scope: duplicate-formal
{ a, b, a }: a + b
