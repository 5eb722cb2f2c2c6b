"""Schemathesis hooks for scripts/api-fuzz (loaded through SCHEMATHESIS_HOOKS).

1. Every integer the contract declares without a `format` is a Swift `Int` on the server,
   i.e. a 64-bit integer. Saying so (`format: int64`) gives schemathesis the real bounds of the
   value: the coverage phase then sends Int64.max and Int64.max - 1 as valid boundary values
   and Int64.max + 1 (and Int64.min - 1 where there is no minimum) as invalid ones, and the
   fuzzing phase draws from the whole Int64 range. Without it an integer like `offset`
   (`minimum: 0`, no maximum) only ever gets 0, 1 and -1 at its boundaries plus small random
   values, and arithmetic that overflows near Int64.max (offset + limit) is never reached.
   The served contract is not changed; only schemathesis's reading of it.

2. A boundary value of a query parameter (its minimum, its maximum, one inside either) is sent
   with the operation's other optional query parameters left out. The coverage phase sends it
   along with a value for every other parameter, and that value may be one the server rightly
   refuses for reasons the contract cannot say: `GET /api/v1/orders?status=00000000000000000000
   &limit=50&offset=9223372036854775807` answers 400 for the status, so the offset was never
   looked at. Leaving optional parameters out keeps the case valid.

3. Every request (method, path, query, phase, mode, body) is appended to the file named by
   $JISHI_FUZZ_REQUEST_LOG before it is sent, then its status or its network error, so when
   the server dies the script can show the last requests it got: the server logs a request
   only after answering it, so the request that crashed it is never in its own log.

4. A part of `application/zip` (the catalogue import's photos) is drawn as schemathesis cannot
   draw one itself: a small ZIP of files named like photos (bytes of any kind), or bytes that
   are not a ZIP at all.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from typing import Any

import schemathesis
from hypothesis import strategies as st

_INT64 = "int64"


def _zip_of(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


schemathesis.openapi.media_type(
    "application/zip",
    st.one_of(
        st.lists(
            st.tuples(st.from_regex(r"(photos/)?[a-z0-9]{1,12}\.(png|jpg)", fullmatch=True), st.binary(max_size=256)),
            max_size=3,
        ).map(_zip_of),
        st.binary(max_size=512),
    ),
)


def _add_integer_format(node: Any) -> None:
    if isinstance(node, dict):
        kind = node.get("type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "integer" in kinds and "format" not in node:
            node["format"] = _INT64
        for value in node.values():
            _add_integer_format(value)
    elif isinstance(node, list):
        for value in node:
            _add_integer_format(value)


@schemathesis.hook
def before_load_schema(context: Any, raw_schema: dict[str, Any]) -> None:
    _add_integer_format(raw_schema)


_BOUNDARY_SCENARIOS = {"minimum_value", "maximum_value", "near_boundary_number"}


def _value(enum: Any) -> Any:
    return getattr(enum, "value", enum)


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    meta = case.meta
    phase = getattr(meta, "phase", None)
    data = getattr(phase, "data", None)
    if (
        phase is None
        or _value(phase.name) != "coverage"
        or _value(getattr(meta.generation, "mode", None)) != "positive"
        or _value(getattr(data, "scenario", None)) not in _BOUNDARY_SCENARIOS
        or _value(getattr(data, "parameter_location", None)) != "query"
        or not case.query
    ):
        return case
    optional = {parameter.name for parameter in case.operation.query if not parameter.is_required}
    for name in list(case.query):
        if name != data.parameter and name in optional:
            del case.query[name]
    return case


_REQUEST_LOG = os.environ.get("JISHI_FUZZ_REQUEST_LOG")


def _describe(case: Any) -> str:
    line = f"{case.method} {case.formatted_path}"
    if case.query:
        line += "?" + "&".join(f"{key}={value}" for key, value in case.query.items())
    meta = getattr(case, "meta", None)
    phase = getattr(getattr(meta, "phase", None), "name", None)
    mode = getattr(getattr(meta, "generation", None), "mode", None)
    if phase is not None:
        line += f"  [{getattr(phase, 'value', phase)}"
        if mode is not None:
            line += f", {getattr(mode, 'value', mode)}"
        line += "]"
    if case.body is not None and type(case.body).__name__ != "NotSet":
        try:
            body = json.dumps(case.body, default=str)
        except (TypeError, ValueError):
            body = repr(case.body)
        line += "  body " + (body if len(body) <= 300 else body[:300] + "…")
    return line


def _log(line: str) -> None:
    if _REQUEST_LOG:
        with open(_REQUEST_LOG, "a", encoding="utf-8") as log:
            log.write(line.replace("\n", " ") + "\n")


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    if not _REQUEST_LOG:
        return
    try:
        line = _describe(case)
    except Exception as error:  # logging must never break the run
        line = f"{getattr(case, 'method', '?')} {getattr(case, 'path', '?')} (not described: {error})"
    _log(f"{case.id} → {line}")


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    _log(f"{case.id} ← {response.status_code}")


@schemathesis.hook
def after_network_error(context: Any, case: Any, request: Any) -> None:
    _log(f"{case.id} ✗ no answer: {request.method} {request.url}")
