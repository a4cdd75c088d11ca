# scope: 
self: super: super
