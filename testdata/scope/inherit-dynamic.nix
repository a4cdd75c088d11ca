# scope: dynamic-inherit-attribute
x: { inherit ${x}; }
