"""The Slack edge (commands/edge) and one package per user surface."""
