# scope: 
[ __add __attrNames __currentSystem __currentTime __nixPath __storeDir __nixVersion __langVersion __filter __foldl' __genList __typeOf ]
