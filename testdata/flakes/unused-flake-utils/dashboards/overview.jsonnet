local g = import "g.libsonnet";
g.dashboard.new("Overview")
