# scope: duplicate-at-name
x@{ x }: x
