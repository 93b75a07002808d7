"""Entities: mentions clustered and resolved once (countries, titles, canonical names)."""
