# scope: duplicate-formal
{ a ? 1, a }: a
