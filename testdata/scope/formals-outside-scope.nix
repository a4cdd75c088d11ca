# scope: undefined-variable
({ a }: a) a
