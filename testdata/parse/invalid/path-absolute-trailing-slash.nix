/etc/
