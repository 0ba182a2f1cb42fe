"""The base of every ovnsim result: the JSON form of the matching CLI report, read through
properties, with to_dict() for the whole of it."""
from __future__ import annotations

import copy
from typing import Any, Dict


class Result:
    """A result of ovnsim. `to_dict()` is the JSON the CLI prints for the same question."""

    __slots__ = ("_data",)

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> Dict[str, Any]:
        """The whole result as plain dicts and lists (a copy: changing it changes nothing here)."""
        return copy.deepcopy(self._data)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]


def field(key: str, doc: str) -> Any:
    """A read-only property: `key` of the result's JSON."""
    return property(lambda self: self._data[key], doc=doc)
