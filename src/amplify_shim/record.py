"""A light record type for the hot path.

dataclasses imports inspect (and typing.NamedTuple imports typing): together
they cost more than the whole rest of `amplify push`. Records declare their
fields as (name, default) pairs; a default of `list` or `dict` means a new
empty one per instance.
"""

from __future__ import annotations


class Record:
    __slots__ = ()
    _fields: tuple = ()

    def __init__(self, *args, **kwargs):
        names = [name for name, _ in self._fields]
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} positional values")
        values = dict(zip(names, args))
        for key in kwargs:
            if key not in names:
                raise TypeError(f"{type(self).__name__} has no field {key!r}")
            if key in values:
                raise TypeError(f"{type(self).__name__} got {key!r} twice")
        values.update(kwargs)
        for name, default in self._fields:
            if name in values:
                value = values[name]
            elif default is list or default is dict:
                value = default()
            else:
                value = default
            object.__setattr__(self, name, value)

    def _asdict(self) -> dict:
        return {name: getattr(self, name) for name, _ in self._fields}

    def _replace(self, **changes):
        values = self._asdict()
        values.update(changes)
        return type(self)(**values)

    def __eq__(self, other):
        return type(other) is type(self) and self._asdict() == other._asdict()

    def __repr__(self):
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name, _ in self._fields)
        return f"{type(self).__name__}({inner})"

    __hash__ = None


_CACHE: dict = {}


def cached(function):
    """functools.lru_cache without importing functools (the fast path counts)."""
    def wrapper(*args):
        key = (function, args)
        if key not in _CACHE:
            _CACHE[key] = function(*args)
        return _CACHE[key]
    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


def record(name: str, fields: tuple, *, frozen: bool = False, doc: str = ""):
    """Make a Record subclass with these (name, default) fields."""
    namespace = {"__slots__": tuple(f for f, _ in fields), "_fields": fields, "__doc__": doc}
    if frozen:
        def __setattr__(self, key, value):
            raise AttributeError(f"{name} is read-only")
        namespace["__setattr__"] = __setattr__
    return type(name, (Record,), namespace)
