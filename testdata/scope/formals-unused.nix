# scope: unused-formal
{ a, b }: a
