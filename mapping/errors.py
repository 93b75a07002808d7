"""The mapping layer's exceptions."""


class MappingError(Exception):
    """Anything the mapping layer cannot do; the server maps it to an HTTP status."""


class InputError(MappingError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class LanguageError(InputError):
    """An article confidently identified as written in a language other than English."""

    def __init__(self, source: str, language: str, reason: str) -> None:
        super().__init__(source, reason)
        self.language = language  # ISO 639 code, e.g. "fr"
