"""PyMuPDF, with MuPDF's own error messages kept off the terminal.

MuPDF prints what it repairs or cannot read ("format error: object is not a stream") each time a damaged
page is opened, drawn or read for its text: on every run of a day that holds a truncated PDF. The file's
review item already says what is wrong with it, in words a person can act on; MuPDF still keeps the
messages (`pymupdf.TOOLS.mupdf_warnings()`). Every module that reads the inbox imports PyMuPDF from here.
"""

import pymupdf

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)
