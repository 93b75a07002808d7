"""Mentions: typed spans from the gazetteers, our patterns and the statistical NER."""
