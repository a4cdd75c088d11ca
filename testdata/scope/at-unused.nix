# scope: unused-at-name
args@{ a }: a
