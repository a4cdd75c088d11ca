# scope: unnecessary-rec
rec { }
