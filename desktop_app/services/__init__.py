"""One function per user action: permission checks, transactions, import/export.

Services take a ``Session`` first, check role and department, run in a transaction and
return plain values. They import no Qt widgets.
"""
