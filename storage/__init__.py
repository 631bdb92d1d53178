"""Storage: SQLAlchemy 2 models, sessions, queries and Alembic migrations."""
