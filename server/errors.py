"""The store layer's exception."""


class StoreError(Exception):
    """The store cannot do what was asked: it cannot be opened, is locked, or a write failed.

    `locked` is True when another process holds the data folder (RocksDB allows one writer),
    so a caller can suggest stopping that process or sending articles to the running server.
    """

    def __init__(self, message: str, *, locked: bool = False) -> None:
        super().__init__(message)
        self.locked = locked
