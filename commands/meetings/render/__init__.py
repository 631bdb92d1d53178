"""Block Kit of the meeting rhythm: the messages it posts, its lists, its forms, its phrases."""
