"""The file:// payloads of a Gen 1 line, read at the edge for both entry points (`amplify` and
`amplify-shim plan`): only the values of the flags that take a headless JSON payload (--amplify,
--providers, --frontend) are ever read as files. Standard library only (the fast path)."""

from __future__ import annotations


def read_payload_files(argv: list[str]) -> dict:
    """value -> its text, or the FileProblem met reading it."""
    from .plan import payload_values

    values = payload_values(argv)
    if not values:
        return {}
    from .files import FileProblem, read_payload

    files: dict = {}
    for value in values:
        try:
            files[value] = read_payload(value)
        except FileProblem as exc:
            files[value] = exc
    return files
