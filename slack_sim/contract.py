"""Slack's contract, checked in strict mode: Block Kit limits and the published method reference.

The Block Kit limits are those of Slack's reference for blocks, elements, composition objects
and surfaces (messages, modals, Home tabs); the method reference is Slack's, one JSON file per
method (required arguments, errors, example responses), kept in ../shared/slack/methods.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JSONDict = dict[str, Any]

MESSAGE_MAX_BLOCKS = 50
VIEW_MAX_BLOCKS = 100
MESSAGE_BLOCKS_MAX_TEXT = 13_000
MESSAGE_TEXT_MAX = 40_000
VIEW_TEXT_MAX = 24
ID_MAX = 255
PRIVATE_METADATA_MAX = 3000

KNOWN_BLOCK_TYPES = frozenset(
    {
        "actions",
        "context",
        "divider",
        "file",
        "header",
        "image",
        "input",
        "markdown",
        "rich_text",
        "section",
        "table",
        "video",
    }
)
OPTION_LIMITS: dict[str, tuple[int, int]] = {
    # element type -> (min options, max options)
    "static_select": (1, 100),
    "multi_static_select": (1, 100),
    "overflow": (1, 5),
    "checkboxes": (1, 10),
    "radio_buttons": (1, 10),
}
_METHOD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*$")


class BlockKitCheck:
    """Collect Block Kit breaches of one surface (a message, a modal or a home tab)."""

    def __init__(self) -> None:
        """Start with no problems and no block ids seen."""
        self.problems: list[str] = []
        self._block_ids: set[str] = set()

    def problem(self, where: str, what: str) -> None:
        """Note one breach."""
        self.problems.append(f"{where}: {what}")

    def longer_than(self, value: Any, maximum: int, where: str) -> None:
        """Note a string longer than Slack allows."""
        if isinstance(value, str) and len(value) > maximum:
            self.problem(where, f"{len(value)} characters, more than {maximum}")

    def text_object(
        self,
        obj: Any,
        where: str,
        maximum: int = 3000,
        *,
        plain_only: bool = False,
        required: bool = True,
    ) -> None:
        """Check a text object: its type, a non-empty text, and its length."""
        if obj is None:
            if required:
                self.problem(where, "missing text object")
            return
        if not isinstance(obj, dict):
            self.problem(where, f"text object must be an object, not {type(obj).__name__}")
            return
        kind = obj.get("type")
        if kind not in ("plain_text", "mrkdwn"):
            self.problem(where, f"text object type must be plain_text or mrkdwn, not {kind!r}")
        elif plain_only and kind != "plain_text":
            self.problem(where, "must be plain_text")
        text = obj.get("text")
        if not isinstance(text, str) or not text:
            self.problem(where, "text object has no text")
            return
        self.longer_than(text, maximum, where)

    def _unique_id(self, value: Any, where: str, name: str, seen: set[str], scope: str) -> None:
        """Check an optional block_id or action_id: a non-empty string, short, not seen before."""
        if value is None:
            return
        if not isinstance(value, str) or not value:
            self.problem(where, f"{name} must be a non-empty string")
            return
        self.longer_than(value, ID_MAX, f"{where}.{name}")
        if value in seen:
            self.problem(where, f"duplicate {name} {value!r}{scope}")
        seen.add(value)

    def blocks(self, blocks: Any, where: str = "blocks") -> None:
        """Check a list of blocks."""
        if not isinstance(blocks, list):
            self.problem(where, "blocks must be a list")
            return
        for index, block in enumerate(blocks):
            self.block(block, f"{where}[{index}]")

    def block(self, block: Any, where: str) -> None:
        """Check one block and the elements nested in it."""
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            self.problem(where, "a block must be an object with a type")
            return
        kind = block["type"]
        where = f"{where}({kind})"
        self._unique_id(block.get("block_id"), where, "block_id", self._block_ids, "")
        action_ids: set[str] = set()
        if kind not in KNOWN_BLOCK_TYPES:
            self.problem(where, f"unknown block type {kind!r}")
        elif kind == "section":
            self._section(block, where, action_ids)
        elif kind == "header":
            self.text_object(block.get("text"), f"{where}.text", 150, plain_only=True)
        elif kind == "context":
            self._context(block, where)
        elif kind == "actions":
            for place, element in self._elements(block, where, 25):
                self.element(element, place, action_ids)
        elif kind == "input":
            self.text_object(block.get("label"), f"{where}.label", 2000, plain_only=True)
            self.text_object(
                block.get("hint"), f"{where}.hint", 2000, plain_only=True, required=False
            )
            if "element" not in block:
                self.problem(where, "input block needs an element")
            else:
                self.element(block["element"], f"{where}.element", action_ids)
        elif kind == "image":
            self._image(block, where)
            self.text_object(
                block.get("title"), f"{where}.title", 2000, plain_only=True, required=False
            )
        elif kind == "markdown":
            text = block.get("text")
            if not isinstance(text, str) or not text:
                self.problem(where, "markdown block needs a text")
            self.longer_than(text, 12_000, f"{where}.text")

    def _section(self, block: JSONDict, where: str, action_ids: set[str]) -> None:
        """Check a section block."""
        fields = block.get("fields")
        if block.get("text") is None and not fields:
            self.problem(where, "section needs a text or fields")
        self.text_object(block.get("text"), f"{where}.text", 3000, required=False)
        if fields is not None:
            if not isinstance(fields, list):
                self.problem(f"{where}.fields", "must be a list")
            else:
                if len(fields) > 10:
                    self.problem(f"{where}.fields", f"{len(fields)} fields, more than 10")
                for index, item in enumerate(fields):
                    self.text_object(item, f"{where}.fields[{index}]", 2000)
        if "accessory" in block:
            self.element(block["accessory"], f"{where}.accessory", action_ids)

    def _elements(self, block: JSONDict, where: str, most: int) -> list[tuple[str, Any]]:
        """Check that a block's elements are a list of 1..most; return (where, element) pairs."""
        elements = block.get("elements")
        if not isinstance(elements, list) or not elements:
            self.problem(where, f"{block['type']} block needs a non-empty elements list")
            return []
        if len(elements) > most:
            self.problem(where, f"{len(elements)} elements, more than {most}")
        return [(f"{where}.elements[{index}]", item) for index, item in enumerate(elements)]

    def _context(self, block: JSONDict, where: str) -> None:
        """Check a context block."""
        for place, element in self._elements(block, where, 10):
            if isinstance(element, dict) and element.get("type") == "image":
                self._image(element, place)
            else:
                self.text_object(element, place)

    def _image(self, image: JSONDict, where: str) -> None:
        """Check an image block or element."""
        if not image.get("image_url") and not image.get("slack_file"):
            self.problem(where, "image needs image_url or slack_file")
        self.longer_than(image.get("image_url"), 3000, f"{where}.image_url")
        alt_text = image.get("alt_text")
        if not isinstance(alt_text, str) or not alt_text:
            self.problem(where, "image needs an alt_text")
        self.longer_than(alt_text, 2000, f"{where}.alt_text")

    def element(self, element: Any, where: str, action_ids: set[str]) -> None:
        """Check an interactive element, its options and its confirm dialog."""
        if not isinstance(element, dict) or not isinstance(element.get("type"), str):
            self.problem(where, "an element must be an object with a type")
            return
        kind = element["type"]
        where = f"{where}({kind})"
        self._unique_id(element.get("action_id"), where, "action_id", action_ids, " in one block")
        self.text_object(
            element.get("placeholder"), f"{where}.placeholder", 150, plain_only=True, required=False
        )
        if "confirm" in element:
            self._confirm(element["confirm"], f"{where}.confirm")
        if kind == "button":
            self.text_object(element.get("text"), f"{where}.text", 75, plain_only=True)
            self.longer_than(element.get("value"), 2000, f"{where}.value")
            self.longer_than(element.get("url"), 3000, f"{where}.url")
            style = element.get("style")
            if style is not None and style not in ("primary", "danger"):
                self.problem(where, f"button style must be primary or danger, not {style!r}")
        elif kind == "plain_text_input":
            self._plain_text_input(element, where)
        elif kind == "image":
            self._image(element, where)
        if kind in OPTION_LIMITS or "options" in element or "option_groups" in element:
            self._options(element, where, kind)

    def _plain_text_input(self, element: JSONDict, where: str) -> None:
        """Check the lengths of a plain_text_input."""
        max_length = element.get("max_length")
        min_length = element.get("min_length")
        if max_length is not None and (
            not isinstance(max_length, int) or not 0 < max_length <= 3000
        ):
            self.problem(where, f"max_length must be 1..3000, not {max_length!r}")
        if min_length is not None and (
            not isinstance(min_length, int) or not 0 <= min_length <= 3000
        ):
            self.problem(where, f"min_length must be 0..3000, not {min_length!r}")
        if isinstance(max_length, int) and isinstance(min_length, int) and min_length > max_length:
            self.problem(where, f"min_length {min_length} is above max_length {max_length}")
        initial = element.get("initial_value")
        if isinstance(max_length, int):
            self.longer_than(initial, max_length, f"{where}.initial_value")

    def _options(self, element: JSONDict, where: str, kind: str) -> None:
        """Check an element's options or option groups and its initial option(s)."""
        least, most = OPTION_LIMITS.get(kind, (1, 100))
        allow_mrkdwn = kind in ("checkboxes", "radio_buttons")
        options = element.get("options")
        groups = element.get("option_groups")
        values: list[Any] = []
        if options is not None and groups is not None:
            self.problem(where, "give options or option_groups, not both")
        if groups is not None:
            if not isinstance(groups, list) or not 1 <= len(groups) <= 100:
                self.problem(f"{where}.option_groups", "must be a list of 1..100 groups")
                groups = groups if isinstance(groups, list) else []
            for index, group in enumerate(groups):
                place = f"{where}.option_groups[{index}]"
                if not isinstance(group, dict):
                    self.problem(place, "must be an object")
                    continue
                self.text_object(group.get("label"), f"{place}.label", 75, plain_only=True)
                values += self._option_list(group.get("options"), place, 1, 100, allow_mrkdwn=False)
        elif options is not None:
            values += self._option_list(options, where, least, most, allow_mrkdwn=allow_mrkdwn)
        else:
            self.problem(where, "needs options")
        initial = element.get("initial_options")
        chosen = list(initial) if isinstance(initial, list) else []
        if isinstance(element.get("initial_option"), dict):
            chosen.append(element["initial_option"])
        for option in chosen:
            if not isinstance(option, dict) or option.get("value") not in values:
                self.problem(where, f"initial option {option!r} is not one of the options")

    def _option_list(
        self, options: Any, where: str, least: int, most: int, *, allow_mrkdwn: bool
    ) -> list[Any]:
        """Check a list of option objects and return their values."""
        if not isinstance(options, list) or not least <= len(options) <= most:
            count = len(options) if isinstance(options, list) else "no"
            self.problem(f"{where}.options", f"{count} options, allowed {least}..{most}")
            return []
        values = []
        for index, option in enumerate(options):
            place = f"{where}.options[{index}]"
            if not isinstance(option, dict):
                self.problem(place, "an option must be an object")
                continue
            self.text_object(option.get("text"), f"{place}.text", 75, plain_only=not allow_mrkdwn)
            self.text_object(option.get("description"), f"{place}.description", 75, required=False)
            value = option.get("value")
            if not isinstance(value, str) or not value:
                self.problem(place, "an option needs a non-empty string value")
            self.longer_than(value, 150, f"{place}.value")
            values.append(value)
        if len(set(map(str, values))) != len(values):
            self.problem(f"{where}.options", "duplicate option values")
        return values

    def _confirm(self, confirm: Any, where: str) -> None:
        """Check a confirmation dialog."""
        if not isinstance(confirm, dict):
            self.problem(where, "must be an object")
            return
        self.text_object(confirm.get("title"), f"{where}.title", 100, plain_only=True)
        self.text_object(confirm.get("text"), f"{where}.text", 300)
        self.text_object(confirm.get("confirm"), f"{where}.confirm", 30, plain_only=True)
        self.text_object(confirm.get("deny"), f"{where}.deny", 30, plain_only=True)


def message_problem(
    args: Mapping[str, Any], *, require_content: bool = True
) -> tuple[str, str] | None:
    """Return (Slack error, why) when a message breaks Slack's rules, else None."""
    content = [key for key in ("text", "blocks", "attachments", "markdown_text") if args.get(key)]
    if require_content and not content:
        return "no_text", "no text, blocks or attachments"
    text = args.get("text")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
        return "msg_too_long", f"text has {len(text)} characters, more than {MESSAGE_TEXT_MAX}"
    blocks = args.get("blocks")
    if blocks is not None:
        if not isinstance(blocks, list):
            return "invalid_blocks_format", "blocks is not a list"
        if len(blocks) > MESSAGE_MAX_BLOCKS:
            return "invalid_blocks", f"{len(blocks)} blocks, more than {MESSAGE_MAX_BLOCKS}"
        check = BlockKitCheck()
        check.blocks(blocks)
        if check.problems:
            return "invalid_blocks", "; ".join(check.problems)
        total = text_length(blocks)
        if total > MESSAGE_BLOCKS_MAX_TEXT:
            return "msg_blocks_too_long", f"blocks hold {total} characters of text"
    attachments = args.get("attachments")
    if attachments is not None and not isinstance(attachments, list):
        return "invalid_attachments", "attachments is not a list"
    metadata = args.get("metadata")
    if metadata is not None and (
        not isinstance(metadata, dict)
        or not isinstance(metadata.get("event_type"), str)
        or not isinstance(metadata.get("event_payload"), dict)
    ):
        return "invalid_metadata_format", "metadata needs event_type and an event_payload object"
    return None


def view_problems(view: Any, expected_type: str) -> list[str]:
    """Return every breach of Slack's rules in a modal or home tab view."""
    if not isinstance(view, dict):
        return ["view must be an object"]
    check = BlockKitCheck()
    if view.get("type") != expected_type:
        check.problem("view.type", f"must be {expected_type!r}, not {view.get('type')!r}")
    if expected_type == "modal":
        check.text_object(view.get("title"), "view.title", VIEW_TEXT_MAX, plain_only=True)
    for key in ("submit", "close"):
        check.text_object(
            view.get(key), f"view.{key}", VIEW_TEXT_MAX, plain_only=True, required=False
        )
    for key in ("callback_id", "external_id"):
        check.longer_than(view.get(key), ID_MAX, f"view.{key}")
    check.longer_than(view.get("private_metadata"), PRIVATE_METADATA_MAX, "view.private_metadata")
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        check.problem("view.blocks", "must be a list")
        return check.problems
    if len(blocks) > VIEW_MAX_BLOCKS:
        check.problem("view.blocks", f"{len(blocks)} blocks, more than {VIEW_MAX_BLOCKS}")
    check.blocks(blocks, "view.blocks")
    has_input = any(isinstance(block, dict) and block.get("type") == "input" for block in blocks)
    if expected_type == "modal" and has_input and not view.get("submit"):
        check.problem("view.submit", "a modal with input blocks needs a submit button")
    return check.problems


def text_length(node: Any) -> int:
    """Count the characters of every text string in a Block Kit structure."""
    if isinstance(node, list):
        return sum(text_length(item) for item in node)
    if isinstance(node, dict):
        return sum(
            len(value) if key == "text" and isinstance(value, str) else text_length(value)
            for key, value in node.items()
        )
    return 0


def missing(value: Any) -> bool:
    """Tell whether a required argument is absent (None, empty string, list or object)."""
    return value is None or value in ("", [], {})


@dataclass
class Verdict:
    """What the method reference says of one call.

    notes are breaches Slack lets through (the call still runs); refusal, when set, is the
    (error, why) Slack answers instead of running the call.
    """

    notes: list[str] = field(default_factory=list)
    refusal: tuple[str, str] | None = None


class MethodReference:
    """Slack's published Web API method reference: a folder of <method>.json files."""

    def __init__(self, folder: Path) -> None:
        """Read methods from folder lazily; raise FileNotFoundError when it is no folder."""
        if not folder.is_dir():
            raise FileNotFoundError(f"no Slack method reference at {folder}")
        self.folder = folder
        self._specs: dict[str, JSONDict | None] = {}

    def spec(self, method: str) -> JSONDict | None:
        """Return (read once) the method's reference, or None for a method Slack does not have."""
        if not _METHOD_NAME.match(method):
            return None
        if method not in self._specs:
            path = self.folder / f"{method}.json"
            spec = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
            self._specs[method] = spec if isinstance(spec, dict) and "args" in spec else None
        return self._specs[method]

    def check(self, method: str, verb: str, args: Mapping[str, Any], token: str | None) -> Verdict:
        """Check a call (HTTP verb, decoded arguments without the token, the token used)."""
        verdict = Verdict()
        spec = self.spec(method)
        if spec is None:
            verdict.refusal = ("unknown_method", "no such Web API method")
            return verdict
        if verb == "GET" and spec.get("http_method") != "GET":
            verdict.notes.append("called with GET; this method takes POST")
        if spec.get("deprecated") or "method_deprecated" in (spec.get("warnings") or {}):
            verdict.notes.append("the method is deprecated")
        required = (spec.get("args") or {}).get("required") or []
        absent = [name for name in required if name != "token" and missing(args.get(name))]
        if "token" in required and not token:
            verdict.refusal = ("not_authed", "no token (Authorization header or token arg)")
        elif absent:
            verdict.refusal = ("invalid_arguments", f"missing required argument(s) {absent}")
        return verdict

    def example(self, method: str) -> JSONDict:
        """Return the reference's first successful example answer, else {"ok": true}."""
        for example in ((self.spec(method) or {}).get("examples") or {}).values():
            body = example.get("example") if isinstance(example, dict) else None
            if isinstance(body, dict) and body.get("ok") is True:
                return copy.deepcopy(body)
        return {"ok": True}
