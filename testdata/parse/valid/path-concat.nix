x: ./dir + "/${x}"
