"""The review station: office staff clear the review queue in a browser (`tickets serve`).

    app        the web application and what it shares between requests
    views      its pages and actions
    auth       sessions, CSRF tokens, login throttling, security headers
    users      users, roles and argon2 password hashes in TICKETS_HOME
    queue      the open items in working order, filtered and counted
    item       one item's fields, the page lines each value came from, the answer a form makes
    bulk       one value for the other open pages of a vendor (and truck) on a day
    images     page images from the page cache, drawn when missing, thumbnails
    batching   answers gathered per day, the day processed again once through Dagster
    reports    the day's and job-wide reports to download, with the ledger's counts
"""
