"""Block Kit rendering, apart from request handling."""
