x: { inherit ({ a = "${x}"; }) a; }
