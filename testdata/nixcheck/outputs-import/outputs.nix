{ self }: { }
