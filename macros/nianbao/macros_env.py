"""The mkdocs-macros module name that portals created before 0.2 list in mkdocs.yml.

New portals name `nianbao.engine.macros_env`; this name stays so an existing
`mkdocs.yml` keeps building after an upgrade.
"""

from nianbao.engine.macros_env import define_env

__all__ = ["define_env"]
