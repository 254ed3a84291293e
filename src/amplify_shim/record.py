"""The one record type of the package, light enough for the hot path.

dataclasses imports inspect (and typing.NamedTuple imports typing): together
they cost more than the whole rest of `amplify push`. A record declares its
fields as (name, default) pairs; a default of `list` or `dict` means a new
empty one per instance. `record()` makes one in a line; a class that needs
methods subclasses Record (or a `record()` class) and sets `_fields`.
Frozen records refuse assignment and hash by value.
"""

from __future__ import annotations


class Record:
    __slots__ = ()
    _fields: tuple = ()
    # Filled per class by __init_subclass__, so __init__ does no per-call set-up.
    _names: tuple = ()
    _index: dict = {}
    _defaults: tuple = ()
    _fresh: tuple = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._names = tuple(name for name, _ in cls._fields)
        cls._index = {name: i for i, name in enumerate(cls._names)}
        cls._defaults = tuple(default for _, default in cls._fields)
        cls._fresh = tuple(i for i, default in enumerate(cls._defaults) if default is list or default is dict)

    def __init__(self, *args, **kwargs):
        names = self._names
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} positional values")
        values = list(self._defaults)
        values[:len(args)] = args
        for i in self._fresh:
            if i >= len(args):
                values[i] = values[i]()
        index = self._index
        for key, value in kwargs.items():
            i = index.get(key)
            if i is None:
                raise TypeError(f"{type(self).__name__} has no field {key!r}")
            if i < len(args):
                raise TypeError(f"{type(self).__name__} got {key!r} twice")
            values[i] = value
        put = object.__setattr__
        for name, value in zip(names, values):
            put(self, name, value)

    def _asdict(self) -> dict:
        return {name: getattr(self, name) for name in self._names}

    def _replace(self, **changes):
        values = self._asdict()
        values.update(changes)
        return type(self)(**values)

    def __eq__(self, other):
        return type(other) is type(self) and self._asdict() == other._asdict()

    def __repr__(self):
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names)
        return f"{type(self).__name__}({inner})"

    __hash__ = None


class FrozenRecord(Record):
    """A record whose fields are set once, and which hashes by value (a dict key, a set member)."""

    __slots__ = ()

    def __setattr__(self, key, value):
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __hash__(self):
        return hash((type(self).__name__, *(getattr(self, name) for name in self._names)))


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
    return type(name, (FrozenRecord if frozen else Record,), namespace)
