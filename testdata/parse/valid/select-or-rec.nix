rec { }.a or 1
