"""Services every module uses: audit, permissions, errors, counters, office profile, calendar, sign-in, scans."""
