"""Socket Mode: Slack's envelopes answered by the same edge as HTTP requests."""

from __future__ import annotations

from time import time

from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.socket_mode.internals import send_response
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.wiring import Wiring


class EdgeSocketModeHandler(SocketModeHandler):
    """Bolt's Socket Mode adapter, with each envelope parsed and routed by the edge first.

    Bolt's own handler gives the envelope's payload to the app as it is; here it goes through
    the same parsing, refusals and routing as an HTTP request, and the edge's answer is the ack.
    """

    def __init__(self, wiring: Wiring, app_token: str, *, ping_interval: float = 10) -> None:
        """Connect the wired app with the app-level token (xapp-).

        ping_interval (seconds) is how often the connection is checked; a dropped one is
        noticed within about two intervals and opened again.
        """
        super().__init__(wiring.app, app_token, ping_interval=ping_interval)
        self.edge = wiring.edge

    def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        """Answer one envelope: parse, route, and ack with the edge's answer as payload."""
        start = time()
        response = self.edge.socket(req.type, req.payload)
        send_response(client, req, response, start)
