"""The station's users: names, roles and argon2 password hashes, in one file of TICKETS_HOME.

The file is replaced whole on every change (never half written) and readable by its owner only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ticket_assets.atomic import write_atomically
from ticket_assets.errors import UserError

MIN_PASSWORD_LENGTH = 10
NAME_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9._-]{0,39}")
HASHER = PasswordHasher()
# Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
DECOY_HASH = HASHER.hash("not anyone's password")


class Role(str, Enum):
    REVIEWER = "reviewer"  # sees, downloads and answers
    VIEWER = "viewer"  # sees and downloads


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    password_hash: str

    @property
    def may_answer(self) -> bool:
        return self.role is Role.REVIEWER

    @property
    def password_mark(self) -> str:
        """A short mark of the password hash, kept in the session: a changed password ends old sessions."""
        return hashlib.sha256(self.password_hash.encode()).hexdigest()[:16]


class UserBook:
    """The users file: `users.json` under the station's folder of TICKETS_HOME."""

    def __init__(self, path: Path):
        self.path = path
        self._read_at: tuple[int, int] | None = None
        self._users: dict[str, User] = {}

    def users(self) -> dict[str, User]:
        """Every user, read again only when the file changed (a `tickets user` command meanwhile)."""
        stamp = _stamp(self.path)
        if stamp != self._read_at:
            self._users = _read_users(self.path)
            self._read_at = stamp
        return self._users

    def add(self, name: str, role: str, password: str) -> User:
        if not NAME_SHAPE.fullmatch(name):
            raise UserError(f"user name {name!r}: a letter, then up to 39 letters, digits, '.', '_' or '-'")
        if name in self.users():
            raise UserError(f"user {name} exists already; `tickets user passwd {name}` changes the password")
        user = User(name, _role(role), HASHER.hash(_checked_password(password)))
        self._write({**self.users(), name: user})
        return user

    def set_password(self, name: str, password: str) -> User:
        user = self.users().get(name)
        if user is None:
            raise UserError(f"there is no user {name} (`tickets user add {name} --role reviewer` adds one)")
        changed = User(name, user.role, HASHER.hash(_checked_password(password)))
        self._write({**self.users(), name: changed})
        return changed

    def verify(self, name: str, password: str) -> User | None:
        """The user when the password is theirs, else None."""
        user = self.users().get(name)
        try:
            HASHER.verify(user.password_hash if user else DECOY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        return user

    def _write(self, users: dict[str, User]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {name: {"role": u.role.value, "password_hash": u.password_hash} for name, u in sorted(users.items())}
        write_atomically(self.path, lambda temporary: _write_private(temporary, json.dumps(data, indent=2)))


def _write_private(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)


def _read_users(path: Path) -> dict[str, User]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text())
    return {name: User(name, Role(entry["role"]), entry["password_hash"]) for name, entry in data.items()}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        raise UserError(f"--role must be {' or '.join(r.value for r in Role)}, not {text!r}") from None


def _checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    return password
