"""Every API's simulator, by key, and the options each one's ``create_app`` takes.

The one table the CLI, the pytest plugin, the contract suite and the benchmarks read.

A new API joins by adding one entry here. Its options need no entry: they are read off
its ``create_app`` signature (names, annotations, defaults), which is how an unknown name
or a value of the wrong type is refused with one line naming the option and the type,
whether it comes from code or from the command line (``--option NAME=VALUE``).
"""

from __future__ import annotations

import collections.abc
import functools
import importlib
import inspect
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette

from partner_apis.specs import api_spec

__all__ = ["SIMULATORS", "SimulatorEntry", "SimulatorOption", "create_app", "entry"]


@dataclass(frozen=True)
class SimulatorOption:
    """One keyword of a simulator's ``create_app``: its name, annotation and default.

    Scalar options (integers, numbers, strings, booleans, a ``Literal`` choice, or one of
    those or None) can be given as text on the command line; the others (credentials,
    clocks) only from code.
    """

    name: str
    annotation: Any
    default: Any

    @property
    def from_text(self) -> bool:
        """Whether a command-line text can give this option."""
        return _textual(self.annotation)

    def describe(self) -> str:
        """What the option takes, in words: ``an integer``, ``one of 'timeZone', 'timezone'``."""
        return _describe(self.annotation)

    def parse(self, text: str) -> Any:
        """The value of a command-line text; raises ``ValueError`` naming the option and its type."""
        if not self.from_text:
            raise ValueError(f"option {self.name} takes {self.describe()}, which cannot be given as text")
        try:
            return _parse(self.annotation, text)
        except ValueError:
            raise ValueError(f"option {self.name} takes {self.describe()}, not {text!r}") from None

    def accepts(self, value: object) -> bool:
        """Whether ``value`` has this option's type (no coercion: ``"5"`` is not an integer)."""
        return _accepts(self.annotation, value)


@dataclass(frozen=True)
class SimulatorEntry:
    """Where an API's simulator lives and how a client reaches it.

    ``module`` exposes ``create_app(**options) -> Starlette`` and ``DEFAULT_CREDENTIALS``.
    """

    key: str
    module: str

    @property
    def base_path(self) -> str:
        """The spec server's path (``/v4``), which the simulator serves the API under."""
        return api_spec(self.key).base_path

    def factory(self) -> Callable[..., Starlette]:
        """Import the simulator module and return its ``create_app``."""
        app_factory: Callable[..., Starlette] = importlib.import_module(self.module).create_app
        return app_factory

    def options(self) -> Mapping[str, SimulatorOption]:
        """Every option of this simulator's ``create_app``, by name, in signature order."""
        return _options(self.factory())

    def check_options(self, options: Mapping[str, object]) -> None:
        """Refuse options ``create_app`` would not take.

        Raises ``TypeError`` for an unknown name (listing the known ones) and for a value
        of the wrong type (naming the option and the type it takes).
        """
        known = self.options()
        for name, value in options.items():
            option = known.get(name)
            if option is None:
                raise TypeError(f"{self.key} has no option {name!r}; its options: {', '.join(known) or 'none'}")
            if not option.accepts(value):
                # The value's type, not its repr (an option may hold credentials), except
                # for a choice among fixed words, where the word given is what to fix.
                given = repr(value) if typing.get_origin(option.annotation) is typing.Literal else ""
                raise TypeError(
                    f"option {name} of {self.key} takes {option.describe()}, not {given or type(value).__name__}"
                )

    def parse_options(self, texts: Iterable[str]) -> dict[str, Any]:
        """``["seed_sites=1000"]`` -> ``{"seed_sites": 1000}``, each value typed as ``create_app`` declares it.

        Raises ``ValueError`` for a text without ``=``, a name given twice, a name the
        simulator does not take or cannot take as text (listing the ones it can), and a
        value that is not of the option's type.
        """
        known = self.options()
        settable = [name for name, option in known.items() if option.from_text]
        parsed: dict[str, Any] = {}
        for text in texts:
            name, sep, value = text.partition("=")
            if not sep or not name:
                raise ValueError(f"--option takes NAME=VALUE, not {text!r}")
            option = known.get(name)
            if option is None or not option.from_text:
                why = "no" if option is None else "no command-line"
                choices = ", ".join(settable) or "none"
                raise ValueError(f"{self.key} has {why} option {name!r}; options given as NAME=VALUE: {choices}")
            if name in parsed:
                raise ValueError(f"option {name} is given twice")
            parsed[name] = option.parse(value)
        return parsed


SIMULATORS: dict[str, SimulatorEntry] = {
    entry.key: entry
    for entry in (
        SimulatorEntry("comm100-v3", "partner_apis.simulators.comm100_v3"),
        SimulatorEntry("comm100-v4", "partner_apis.simulators.comm100_v4"),
        SimulatorEntry("airvantage-partners", "partner_apis.simulators.airvantage_partners"),
        SimulatorEntry("omnize-partner", "partner_apis.simulators.omnize_partner"),
        SimulatorEntry("omnize-partner-v2", "partner_apis.simulators.omnize_partner_v2"),
        SimulatorEntry("portsip-dealers", "partner_apis.simulators.portsip_dealers"),
    )
}


def entry(key: str) -> SimulatorEntry:
    """The simulator entry of ``key``; raises ``KeyError`` naming the known keys."""
    try:
        return SIMULATORS[key]
    except KeyError:
        raise KeyError(f"no simulator for {key!r}; known: {', '.join(sorted(SIMULATORS))}") from None


def create_app(key: str, **options: Any) -> Starlette:
    """Build a fresh simulator app for ``key`` (options go to its ``create_app``).

    Raises ``KeyError`` for an unknown key, ``TypeError`` for an option the simulator does
    not take or a value of the wrong type (see :meth:`SimulatorEntry.check_options`), and
    whatever the simulator raises for a value it refuses (``ValueError``).
    """
    simulator = entry(key)
    simulator.check_options(options)
    return simulator.factory()(**options)


@functools.cache
def _options(factory: Callable[..., Starlette]) -> Mapping[str, SimulatorOption]:
    # Annotations are strings (postponed evaluation), resolved in the module that wrote
    # them; a factory made by the harness's app_factory shows its simulator's signature.
    parameters = inspect.signature(factory, eval_str=True).parameters.values()
    return types.MappingProxyType(
        {
            parameter.name: SimulatorOption(
                parameter.name,
                Any if parameter.annotation is parameter.empty else parameter.annotation,
                parameter.default,
            )  # fmt: skip
            for parameter in parameters
            if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY)
        }
    )


_SCALARS: dict[type, str] = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


def _arms(annotation: Any) -> tuple[Any, ...] | None:
    """The members of a union (``int | None``, ``Optional[int]``), or None for anything else."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return None


def _textual(annotation: Any) -> bool:
    arms = _arms(annotation)
    if arms is not None:
        return all(arm is type(None) or _textual(arm) for arm in arms)
    if typing.get_origin(annotation) is typing.Literal:
        return all(isinstance(value, (str, int, float)) for value in typing.get_args(annotation))
    return annotation in _SCALARS


def _describe(annotation: Any) -> str:
    arms = _arms(annotation)
    if arms is not None:
        return " or ".join("none" if arm is type(None) else _describe(arm) for arm in arms)
    if typing.get_origin(annotation) is typing.Literal:
        return "one of " + ", ".join(repr(value) for value in typing.get_args(annotation))
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    return _type_name(annotation)


def _type_name(annotation: Any) -> str:
    """``Iterable[Credential]``, ``Callable[[], float]``: a type as a reader would write it."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is None:
        return getattr(annotation, "__name__", str(annotation))
    if args and isinstance(args[0], list):  # Callable's parameter list
        parameters = ", ".join(_type_name(arg) for arg in args[0])
        return f"{_type_name(origin)}[[{parameters}], {_type_name(args[1])}]"
    return f"{_type_name(origin)}[{', '.join(_type_name(arg) for arg in args)}]"


def _parse(annotation: Any, text: str) -> Any:
    arms = _arms(annotation)
    if arms is not None:
        if type(None) in arms and text.lower() == "none":
            return None
        for arm in arms:
            if arm is not type(None):
                try:
                    return _parse(arm, text)
                except ValueError:
                    pass
        raise ValueError(text)
    if typing.get_origin(annotation) is typing.Literal:
        for value in typing.get_args(annotation):
            if str(value) == text:
                return value
        raise ValueError(text)
    if annotation is bool:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ValueError(text)
    if annotation is int:
        return int(text)
    if annotation is float:
        return float(text)
    return text


def _accepts(annotation: Any, value: object) -> bool:
    arms = _arms(annotation)
    if arms is not None:
        return any(_accepts(arm, value) for arm in arms)
    if annotation is Any:
        return True
    if annotation is type(None):
        return value is None
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return any(type(value) is type(choice) and value == choice for choice in typing.get_args(annotation))
    # bool is an int to isinstance, but True is no token lifetime.
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is not None and getattr(origin, "__module__", None) == collections.abc.__name__:
        if not isinstance(value, origin):
            return False
        # A string is an iterable of strings, never the iterable of records an option means.
        if origin is not collections.abc.Callable and isinstance(value, (str, bytes)):
            return str in typing.get_args(annotation)
        return True
    if isinstance(annotation, type):
        return isinstance(value, annotation)
    return True  # a type this check cannot read (a TypeVar, a protocol): create_app decides
