"""A simulated Slack, shared by `python -m bot shell` and the tests.

- `workspace`: what Slack keeps (people, channels, messages, views, Home tabs, files) and how
  each simulated Web API method changes it; the events a terminal shows.
- `web_api`: `SimulatedSlack`, the Web API, response URLs and file uploads served on 127.0.0.1,
  with faults, per-channel rate limits and a record of every call.
- `requests`: what Slack sends to an app (slash commands, interactions, events), signed as
  Slack signs them, and the state values of a submitted view.
- `contract`: Slack's rules for Block Kit and its published method reference, checked only in
  strict mode (the tests); the shell runs without them.
"""

from slack_sim.web_api import Call, SimulatedSlack
from slack_sim.workspace import Event, Person, Source

__all__ = ["Call", "Event", "Person", "SimulatedSlack", "Source"]
