"""三理室调解台 (xinye_desktop): people's mediation case management for Xinye's 三理室."""

__version__ = "0.9.0"
APP_NAME = "xinye-desktop"
APP_AUTHOR = "xinye"
