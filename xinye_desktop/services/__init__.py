"""Services: one user action = one transaction. They take and return domain objects."""
