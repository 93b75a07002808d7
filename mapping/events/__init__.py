"""Events: triggers read off the parse, their dates, and re-mentions merged into one."""
