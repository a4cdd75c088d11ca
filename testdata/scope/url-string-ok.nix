# scope: 
"https://example.org/a"
