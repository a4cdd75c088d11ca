[ true false null builtins.map __add ]
