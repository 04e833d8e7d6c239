"""The reminder sweep: plan what is due from compliance rows, record it, send it once."""
