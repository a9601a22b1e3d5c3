"""Subcommands of `nianbao`. Each module has `register(subparsers)` and does its work through the core."""
