# an empty indented string applied to the identifier a''
a'': '''' a''
