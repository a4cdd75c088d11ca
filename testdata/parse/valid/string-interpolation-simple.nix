name: "hello ${name}!"
