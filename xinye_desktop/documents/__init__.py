"""Documents layer: the MOJ forms as PDF, made with reportlab. Imported only when a document is made."""
