"""Reading input: seed text, JSON and JSON Lines into Articles, and the dateline."""
