# scope: dynamic-inherit-attribute
s: x: { inherit (s) ${x}; }
