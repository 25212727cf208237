"""The few errors shopbot raises. Each message says what to do next."""


class ShopbotError(Exception):
    """Base class: the CLI prints the message and exits with ``exit_code``."""

    exit_code = 1


class ValidationError(ShopbotError):
    """Bad input data. ``problems`` lists ``file:line: field: problem`` strings."""

    exit_code = 2

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        msg = "\n".join(shown) + (f"\n... and {more} more problems" if more > 0 else "")
        super().__init__(msg)


class ConfigError(ShopbotError):
    """A setting, preset name or path is wrong."""

    exit_code = 2


class ModelError(ShopbotError):
    """A model could not be found, verified or loaded."""


class BackendError(ShopbotError):
    """An LLM server or the vector store did not answer."""


class NotFound(ShopbotError):
    """A product, user or file that was asked for does not exist."""

    exit_code = 2
