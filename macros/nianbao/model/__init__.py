"""The report model and everything that reads or judges data."""
