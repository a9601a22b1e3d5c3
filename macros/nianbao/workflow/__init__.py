"""The editing workflow."""
