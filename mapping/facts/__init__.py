"""Facts: roles, agreements, figures, quotations and topics."""
