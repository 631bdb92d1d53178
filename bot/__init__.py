"""Samverkansbot: the Slack bot of the collaboration Gävleborg mot narkotika."""
