# scope: undefined-variable
{ a ? b, b ? c }: a
