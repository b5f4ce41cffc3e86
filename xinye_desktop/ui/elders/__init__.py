"""The three pages of the 选择明白人 tab, one module each; ``ui/elder_tab.py`` assembles them."""
