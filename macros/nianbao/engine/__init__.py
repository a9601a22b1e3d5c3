"""The site engine."""
