"cost: 5$"
