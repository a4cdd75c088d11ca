{ inherits, if-then, thenx }: [ inherits if-then thenx ]
