# scope: undefined-variable
{ a ? c }: a
