{ }.a or { }
