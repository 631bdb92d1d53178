"""Domain rules in plain Python: no Slack, no HTTP."""
