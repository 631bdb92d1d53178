"""The meeting rhythm: calls, answers, agenda, changes, series, attendance, calendar."""

from commands.meetings.listeners import register

__all__ = ["register"]
