x: "outer ${"inner ${toString x} done"} end"
