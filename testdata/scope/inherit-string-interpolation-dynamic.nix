# scope: dynamic-inherit-attribute
a: { inherit "${a}"; }
