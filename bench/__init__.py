"""Benchmarks: ack latency under a crowd, the training rush, the month's first day, memory."""
