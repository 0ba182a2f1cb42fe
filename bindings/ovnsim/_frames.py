"""pandas, imported only when a result is turned into a DataFrame: ovnsim works without it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    import pandas


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - pandas is installed where the tests run
        raise ImportError("to_frame() needs pandas: apt-get install python3-pandas") from error
    return pandas


def frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str],
          optional_integers: Sequence[str] = ()) -> "pandas.DataFrame":
    """A DataFrame of `rows` with exactly `columns`, in that order (also when there are no rows).
    `optional_integers` are integer columns with missing values: pandas' nullable Int64 keeps
    them integers (1011, <NA>) instead of floats (1011.0, NaN)."""
    table = _pandas().DataFrame([{name: row.get(name) for name in columns} for row in rows], columns=list(columns))
    for name in optional_integers:
        table[name] = table[name].astype("Int64")
    return table


def frame_from_columns(columns: Mapping[str, Sequence[Any]], order: Sequence[str]) -> "pandas.DataFrame":
    """A DataFrame of equal-length columns, in `order`."""
    return _pandas().DataFrame({name: columns[name] for name in order}, columns=list(order))
