"""Help text in the usual command-line conventions.

typer 0.29 labels every parameter with its Python type (``<str>``, ``<bool>`` beside
``--help`` and every flag, ``<list[str]>``) and writes required arguments as
``{name}``. That reads like a stack trace, not a manual. Installed once by ``cli.app``:
flags get no label, values get TEXT / INTEGER / NUMBER or their choices, and arguments
are written NAME, [NAME] (optional) and NAME... (repeatable), as click and most tools do.
Each hook only replaces a typer method that exists, so a typer that changes them keeps
its own (slightly uglier) help rather than breaking.
"""

from __future__ import annotations

import re

WORDS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "Path": "PATH", "bool": ""}
_LABEL = re.compile(r"<(list\[)?(.*?)\]?>")


def _value_label(label: str | None) -> str | None:
    """``<str>`` -> TEXT, ``<list[str]>`` -> TEXT, ``<a|b>`` -> [a|b], ``<bool>`` -> nothing."""
    if not label:
        return label
    match = _LABEL.fullmatch(label)
    if match is None:
        return label
    inner = match.group(2)
    if "|" in inner:
        return f"[{inner}]"
    return WORDS.get(inner, inner.upper()) or None


def _argument_name(param) -> str:
    name = param.metavar or param.name.upper()
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name


def install() -> None:
    from typer import core

    parameter = getattr(core, "_TyperParameter", None)
    if parameter is not None and hasattr(parameter, "display_type"):
        typed = parameter.display_type

        def display_type(self, ctx):
            if getattr(self, "is_flag", False) or isinstance(self, core.TyperArgument):
                return None  # a flag takes no value; an argument's name says what it is
            return _value_label(typed(self, ctx))

        parameter.display_type = display_type
    argument = core.TyperArgument
    if hasattr(argument, "_usage_display_name"):
        argument._usage_display_name = lambda self: _argument_name(self) if self.required else f"[{_argument_name(self)}]"
    if hasattr(argument, "_rich_display_name"):
        argument._rich_display_name = _argument_name
