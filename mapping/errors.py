"""The mapping layer's exceptions."""


class MappingError(Exception):
    """Anything the mapping layer cannot do; the server maps it to an HTTP status."""


class InputError(MappingError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
