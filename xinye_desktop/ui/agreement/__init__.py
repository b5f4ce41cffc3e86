"""The panels of the 调解协议 tab, one module each; ``ui/agreement_tab.py`` assembles them."""
