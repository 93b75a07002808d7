"""Values: date and money expressions resolved to typed values."""
