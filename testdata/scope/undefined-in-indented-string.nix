# scope: undefined-variable
''${x}''
