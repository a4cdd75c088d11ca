x: with { }; [ x or ]
