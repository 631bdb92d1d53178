"""Environment settings, read once with pydantic-settings and passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.errors import StartupError

_HINTS: dict[str, str] = {
    "SLACK_BOT_TOKEN": "a bot token that starts with xoxb-",
    "SLACK_SIGNING_SECRET": "the app's signing secret from Basic Information in api.slack.com/apps",
    "SLACK_APP_TOKEN": "an app-level token starting with xapp- (or unset for HTTP mode)",
    "SLACK_API_URL": "an http(s) URL ending in /, e.g. http://127.0.0.1:4000/api/",
    "DATABASE_URL": "an SQLAlchemy URL such as sqlite:///samverkansbot.db "
    "or postgresql+psycopg://user@host/db",
    "BOT_CONFIG": "the path of an existing TOML file",
    "BOT_TICK_SECONDS": "a whole number of seconds from 1 to 3600",
    "BOT_SECRET_KEY": "a random string of at least 16 characters, kept out of the database's "
    "backups (e.g. the output of: python -c 'import secrets; print(secrets.token_urlsafe(32))')",
    "PORT": "a port number from 1 to 65535",
}


class Settings(BaseSettings):
    """What the bot reads from its environment."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=True, frozen=True)

    SLACK_BOT_TOKEN: SecretStr | None = None
    SLACK_SIGNING_SECRET: SecretStr | None = None
    SLACK_APP_TOKEN: SecretStr | None = None
    SLACK_API_URL: str = "https://slack.com/api/"
    DATABASE_URL: str = "sqlite:///samverkansbot.db"
    BOT_CONFIG: Path | None = None
    BOT_TICK_SECONDS: int = Field(default=30, ge=1, le=3600)
    BOT_SECRET_KEY: SecretStr | None = None
    PORT: int = Field(default=3000, ge=1, le=65535)

    @field_validator("SLACK_BOT_TOKEN")
    @classmethod
    def _bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("does not start with xoxb-")
        return value

    @field_validator("SLACK_APP_TOKEN")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("does not start with xapp-")
        return value

    @field_validator("BOT_SECRET_KEY")
    @classmethod
    def _secret_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 16:
            raise ValueError("is shorter than 16 characters")
        return value

    @field_validator("SLACK_API_URL")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("is not an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @field_validator("DATABASE_URL")
    @classmethod
    def _database_url(cls, value: str) -> str:
        try:
            url = make_url(value)
        except ArgumentError:
            raise ValueError("is not a database URL") from None
        if url.get_backend_name() not in {"sqlite", "postgresql"}:
            raise ValueError("names a database other than SQLite or PostgreSQL")
        if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
            value = url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        return value

    @field_validator("BOT_CONFIG")
    @classmethod
    def _config_path(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"{value} does not exist")
        return value

    @property
    def socket_mode(self) -> bool:
        """Tell whether the app-level token selects Socket Mode."""
        return self.SLACK_APP_TOKEN is not None

    def config_path(self) -> Path | None:
        """Return the configuration file to read, if any."""
        if self.BOT_CONFIG is not None:
            return self.BOT_CONFIG
        default = Path("samverkan.toml")
        return default if default.is_file() else None

    def require(self, *names: str) -> None:
        """Raise StartupError for the first of the named settings that is not set."""
        for name in names:
            if getattr(self, name) is None:
                raise StartupError(f"{name} is not set; set it to {_HINTS[name]}")

    def secret_key(self) -> bytes:
        """Return BOT_SECRET_KEY, the key of the anonymous answers' keyed hashes, as bytes.

        Raises StartupError when it is not set: `serve` and `clock` require it at start-up,
        and the shell and the demo make one of their own (bot/shell).
        """
        self.require("BOT_SECRET_KEY")
        assert self.BOT_SECRET_KEY is not None
        return self.BOT_SECRET_KEY.get_secret_value().encode()


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings from the environment, or raise StartupError naming the bad one."""
    try:
        if environ is None:
            return Settings()
        return Settings.model_validate(
            {k: v for k, v in environ.items() if k in Settings.model_fields}
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else "setting"
        reason = str(error["msg"]).removeprefix("Value error, ")
        raise StartupError(
            f"{name} is malformed ({reason}); set it to {_HINTS.get(name, 'a valid value')}"
        ) from None
