"""Block Kit as readable terminal text: headers, sections, fields, lists, numbered buttons."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bot.texts import Texts
from bot.texts import shell as t

JSONDict = dict[str, Any]
WIDTH = 96

EMOJI = {
    "leftwards_arrow_with_hook": "↩️",
    "warning": "⚠️",
    "white_check_mark": "✅",
    "heavy_check_mark": "✔️",
    "x": "❌",
    "calendar": "📆",
    "date": "📅",
    "spiral_calendar_pad": "🗓️",
    "bell": "🔔",
    "memo": "📝",
    "bar_chart": "📊",
    "chart_with_upwards_trend": "📈",
    "chart_with_downwards_trend": "📉",
    "wave": "👋",
    "tada": "🎉",
    "information_source": "ℹ️",
    "hourglass": "⏳",
    "hourglass_flowing_sand": "⏳",
    "alarm_clock": "⏰",
    "exclamation": "❗",
    "question": "❓",
    "clipboard": "📋",
    "pushpin": "📌",
    "round_pushpin": "📍",
    "busts_in_silhouette": "👥",
    "bust_in_silhouette": "👤",
    "thumbsup": "👍",
    "+1": "👍",
    "thumbsdown": "👎",
    "-1": "👎",
    "point_right": "👉",
    "large_green_circle": "🟢",
    "large_yellow_circle": "🟡",
    "red_circle": "🔴",
    "white_circle": "⚪",
    "arrow_right": "➡️",
    "mag": "🔍",
    "books": "📚",
    "mortar_board": "🎓",
    "school": "🏫",
    "speech_balloon": "💬",
    "envelope": "✉️",
    "email": "📧",
    "lock": "🔒",
    "star": "⭐",
    "no_entry": "⛔",
    "no_entry_sign": "🚫",
    "raising_hand": "🙋",
    "house": "🏠",
    "link": "🔗",
    "paperclip": "📎",
    "inbox_tray": "📥",
    "outbox_tray": "📤",
    "page_facing_up": "📄",
    "file_folder": "📁",
    "rotating_light": "🚨",
    "construction": "🚧",
    "sparkles": "✨",
    "heavy_plus_sign": "➕",
    "heavy_minus_sign": "➖",
    "arrows_counterclockwise": "🔄",
    "ok_hand": "👌",
    "eyes": "👀",
    "dart": "🎯",
    "scales": "⚖️",
    "droplet": "💧",
    "test_tube": "🧪",
    "pencil": "📝",
    "pencil2": "✏️",
    "double_vertical_bar": "⏸️",
    "black_right_pointing_triangle_with_double_vertical_bar": "⏯️",
    "arrow_forward": "▶️",
    "repeat": "🔁",
    "clock9": "🕘",
    "spiral_note_pad": "🗒️",
    "card_index_dividers": "🗂️",
    "handshake": "🤝",
    "people_holding_hands": "🧑‍🤝‍🧑",
    "heavy_exclamation_mark": "❗",
    "grey_question": "❔",
    "lock_with_ink_pen": "🔏",
    "key": "🔑",
    "seedling": "🌱",
    "trophy": "🏆",
}
_EMOJI = re.compile(r":([a-z0-9_+-]+):")
# Slack's angle-bracket forms: mentions, channels, special mentions and links.
_LINK = re.compile(r"<([@#!][^<>|\s]+|(?:https?|mailto):[^<>|\s]+)(?:\|([^<>]*))?>")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
# A field written as a bold title on its own line, then the value: shown on one line.
_FIELD_TITLE = re.compile(r"^\*([^*\n]{1,60})\*\n(?=\S)")
_STRIKE = re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])")


class Names(Protocol):
    """Turns Slack ids into names people read."""

    def user(self, user_id: str) -> str:
        """Return a person's name."""
        ...

    def channel(self, channel_id: str) -> str:
        """Return a channel's name with its #."""
        ...


class Style:
    """Terminal emphasis: ANSI codes when the terminal shows colour, else plain text."""

    def __init__(self, color: bool) -> None:
        """Use ANSI codes when color is true."""
        self.color = color

    def _wrap(self, code: str, text: str) -> str:
        """Wrap text in an ANSI code when colour is on."""
        return f"\033[{code}m{text}\033[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        """Return text in bold."""
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        """Return text dimmed."""
        return self._wrap("2", text)

    def italic(self, text: str) -> str:
        """Return text in italics."""
        return self._wrap("3", text)

    def accent(self, text: str) -> str:
        """Return text in the accent colour (buttons, prompts)."""
        return self._wrap("36", text)

    def error(self, text: str) -> str:
        """Return text in the error colour."""
        return self._wrap("31", text)


@dataclass(frozen=True)
class Press:
    """Something on a surface a person can press by number: a button or a menu choice."""

    label: str
    action: JSONDict
    confirm: JSONDict | None = None
    asks: str | None = None


# Registers a pressable and returns the label it is pressed by ("3"), or "" for none.
Number = Callable[[Press], str]


def emoji(text: str) -> str:
    """Replace Slack emoji codes (`:pencil2:`) with the emoji; unknown codes stay as text."""
    return _EMOJI.sub(lambda m: EMOJI.get(m.group(1), m.group(0)), text)


def _unescape(text: str) -> str:
    """Undo Slack's escaping of <, > and &."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _link(match: re.Match[str], names: Names) -> str:
    """Return the readable form of one <...> mention, channel or link."""
    target, label = match.group(1), match.group(2)
    if target.startswith("@"):
        return "@" + (label or names.user(target[1:]))
    if target.startswith("#"):
        return f"#{label}" if label else names.channel(target[1:])
    if target.startswith("!"):
        if label:
            return label
        return "@" + target[1:].split("^")[0]
    return f"{label} ({target})" if label and label != target else target


def mrkdwn(text: str, names: Names, style: Style) -> str:
    """Turn Slack mrkdwn into terminal text: mentions named, links spelled out, emphasis kept."""
    text = _LINK.sub(lambda m: _link(m, names), text)
    text = _BOLD.sub(lambda m: style.bold(m.group(1)) if style.color else m.group(1), text)
    text = _ITALIC.sub(lambda m: style.italic(m.group(1)) if style.color else m.group(1), text)
    text = _STRIKE.sub(lambda m: m.group(1), text)
    return emoji(_unescape(text))


def text_of(obj: Any, names: Names, style: Style) -> str:
    """Return the readable text of a text object (plain_text or mrkdwn) or a string."""
    if isinstance(obj, str):
        return obj
    if not isinstance(obj, dict):
        return ""
    value = str(obj.get("text") or "")
    if obj.get("type") == "mrkdwn":
        return mrkdwn(value, names, style)
    return emoji(value)


def wrap(text: str, indent: str = "") -> list[str]:
    """Wrap each line of text to the terminal width, keeping bullets hanging."""
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            out.append(indent.rstrip())
            continue
        bullet = re.match(r"^(\s*(?:[•◦▪*-]|\d+[.)])\s+)", line)
        hanging = " " * len(bullet.group(1)) if bullet else ""
        out += textwrap.wrap(
            line,
            WIDTH - len(indent),
            initial_indent=indent,
            subsequent_indent=indent + hanging,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [indent]
    return out


class Renderer:
    """Renders messages and views for one terminal, numbering what can be pressed."""

    def __init__(self, texts: Texts, names: Names, style: Style) -> None:
        """Render in the language of texts, naming ids with names, emphasising with style."""
        self.tr = texts
        self.names = names
        self.style = style

    def message(self, message: JSONDict, number: Number) -> list[str]:
        """Return the lines of a message: its blocks, else its text, then attachments and files."""
        blocks = message.get("blocks") or []
        lines = self.blocks(blocks, number) if blocks else []
        if not blocks and message.get("text"):
            lines = wrap(mrkdwn(str(message["text"]), self.names, self.style))
        for attachment in message.get("attachments") or []:
            if isinstance(attachment, dict):
                inner = self.blocks(attachment.get("blocks") or [], number)
                if not inner and attachment.get("text"):
                    inner = wrap(mrkdwn(str(attachment["text"]), self.names, self.style))
                lines += ["▍ " + line for line in inner]
        for file in message.get("files") or []:
            lines.append(self.tr(t.FILE_IN_MESSAGE, name=file.get("title") or file.get("name")))
        return lines

    def blocks(self, blocks: list[Any], number: Number) -> list[str]:
        """Return the lines of a list of blocks."""
        lines: list[str] = []
        for block in blocks:
            if isinstance(block, dict):
                lines += self.block(block, number)
        return lines

    def block(self, block: JSONDict, number: Number) -> list[str]:
        """Return the lines of one block."""
        kind = block.get("type")
        s = self.style
        if kind == "header":
            title = text_of(block.get("text"), self.names, s)
            return ["", s.bold(f"━━ {title} ━━")]
        if kind == "section":
            lines: list[str] = []
            if block.get("text"):
                lines += wrap(text_of(block["text"], self.names, s))
            for item in block.get("fields") or []:
                field = item
                if isinstance(item, dict) and item.get("type") == "mrkdwn":
                    field = {**item, "text": _FIELD_TITLE.sub(r"*\1:* ", str(item.get("text")))}
                lines += wrap(text_of(field, self.names, s), "  ")
            accessory = block.get("accessory")
            if isinstance(accessory, dict):
                lines += self._elements([accessory], block, number)
            return lines
        if kind == "context":
            parts = []
            for element in block.get("elements") or []:
                if isinstance(element, dict) and element.get("type") == "image":
                    continue
                parts.append(text_of(element, self.names, s))
            return [s.dim(line) for line in wrap("  ".join(p for p in parts if p))]
        if kind == "divider":
            return [s.dim("─" * 40)]
        if kind == "actions":
            return self._elements(block.get("elements") or [], block, number)
        if kind == "image":
            alt = str(block.get("alt_text") or "")
            return [self.tr(t.IMAGE, alt=alt, url=block.get("image_url", ""))]
        if kind == "rich_text":
            return wrap(_rich_text(block))
        if kind == "input":
            return [
                s.dim(self.tr(t.INPUT_IN_MESSAGE, label=text_of(block.get("label"), self.names, s)))
            ]
        if kind == "file":
            return [self.tr(t.FILE_IN_MESSAGE, name=block.get("external_id", ""))]
        return []

    def _elements(self, elements: list[Any], block: JSONDict, number: Number) -> list[str]:
        """Return the pressables of an actions block (or an accessory) on one or more lines."""
        s = self.style
        buttons: list[str] = []
        lines: list[str] = []
        for element in elements:
            if not isinstance(element, dict):
                continue
            kind = str(element.get("type"))
            base = {
                "type": kind,
                "action_id": element.get("action_id"),
                "block_id": block.get("block_id"),
            }
            if kind == "button":
                label = text_of(element.get("text"), self.names, s)
                action = {**base, "text": element.get("text"), "value": element.get("value")}
                action = {k: v for k, v in action.items() if v is not None}
                if element.get("url"):
                    buttons.append(s.accent(f"[{label}]") + f" {element['url']}")
                    if element.get("action_id") is None:
                        continue
                press = Press(label, action, element.get("confirm"))
                buttons.append(s.accent(_tag(number(press)) + label))
            elif kind in ("static_select", "overflow", "radio_buttons"):
                placeholder = text_of(element.get("placeholder"), self.names, s)
                if buttons:
                    lines.append("  ".join(buttons))
                    buttons = []
                if placeholder:
                    lines.append(placeholder)
                for option in _options(element):
                    label = text_of(option.get("text"), self.names, s)
                    press = Press(
                        label, {**base, "selected_option": option}, element.get("confirm")
                    )
                    lines.append("  " + s.accent(_tag(number(press)) + "▸ " + label))
            elif kind in (
                "datepicker",
                "timepicker",
                "users_select",
                "conversations_select",
                "channels_select",
                "multi_users_select",
                "multi_static_select",
                "checkboxes",
                "datetimepicker",
            ):
                label = text_of(element.get("placeholder"), self.names, s) or self.tr(t.CHOOSE)
                press = Press(label, base, element.get("confirm"), asks=kind)
                buttons.append(s.accent(_tag(number(press)) + label + " …"))
        if buttons:
            lines += _button_lines(buttons)
        return lines

    def view(self, view: JSONDict, number: Number) -> list[str]:
        """Return the lines of a view (a Home tab, or a modal shown whole)."""
        lines: list[str] = []
        title = view.get("title")
        if isinstance(title, dict):
            lines.append(self.style.bold(text_of(title, self.names, self.style)))
        return lines + self.blocks(view.get("blocks") or [], number)


def _tag(number: str) -> str:
    """Return how a pressable is marked: its number, or a bullet when it cannot be pressed."""
    return f"[{number}] " if number else "• "


def _button_lines(buttons: list[str]) -> list[str]:
    """Lay buttons out on lines no wider than the terminal."""
    lines: list[str] = []
    current = ""
    for button in buttons:
        visible = len(re.sub(r"\033\[[0-9;]*m", "", current + button))
        if current and visible + 2 > WIDTH:
            lines.append(current)
            current = ""
        current = f"{current}  {button}" if current else button
    if current:
        lines.append(current)
    return lines


def _options(element: JSONDict) -> list[JSONDict]:
    """Return every option of a select, including those in option groups."""
    options = [o for o in element.get("options") or [] if isinstance(o, dict)]
    for group in element.get("option_groups") or []:
        options += [o for o in group.get("options") or [] if isinstance(o, dict)]
    return options


def options_of(element: JSONDict) -> list[JSONDict]:
    """Return every option of a select or choice element."""
    return _options(element)


def _rich_text(node: Any) -> str:
    """Return the text of a rich_text block, roughly."""
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "text":
            return str(node.get("text", ""))
        if kind == "link":
            return str(node.get("text") or node.get("url", ""))
        if kind == "emoji":
            return EMOJI.get(str(node.get("name")), f":{node.get('name')}:")
        if kind == "user":
            return f"@{node.get('user_id')}"
        inner = "".join(_rich_text(child) for child in node.get("elements") or [])
        if kind == "rich_text_list":
            return "\n".join("• " + _rich_text(child) for child in node.get("elements") or [])
        if kind in ("rich_text_section", "rich_text_preformatted", "rich_text_quote"):
            return inner + "\n"
        return inner
    if isinstance(node, list):
        return "".join(_rich_text(child) for child in node)
    return ""
