"""`sekretariat demo`: a sample office with letters and staff, filled through the services."""
