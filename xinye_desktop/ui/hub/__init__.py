"""The hub's window (issue 16 item 3): the same app started in a 司法所's or 司法局's data folder.

``HubWindow`` (window.py) has the tabs a township or county clerk works in: the month's reports
(status_tab.py), the consolidated 台账 (ledger_tab.py), the statistics rolled up village → township →
county (statistics_tab.py), the review of case files for 以案定补 (review_tab.py), the county 明白人库
(elders_tab.py), the registered committees with their keys and the flags an import left
(committees_tab.py) and the hub's own roster of 联村干警 and department 见证人 for its villages, sent down in
the return packages (roster_tab.py); packages come in through import_dialog.py and return packages go out through
return_dialog.py. The village cases are read-only here: the hub annotates them (reviews), it never edits.
"""
