"""Password hashing parameters chosen for a server that also has to stay responsive."""

from __future__ import annotations

from django.contrib.auth import hashers


class Argon2PasswordHasher(hashers.Argon2PasswordHasher):
    """Argon2id with OWASP's recommended minimum for servers: m=19 MiB, t=2, p=1.

    OWASP Password Storage Cheat Sheet ("Argon2id: a minimum configuration of 19 MiB of
    memory, an iteration count of 2, and 1 degree of parallelism"),
    https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html

    Django's default (100 MiB, p=8) cost ~200 ms and 100 MiB per login here, so a burst of
    logins could exhaust a small server's memory. Hashes made with the old parameters still
    verify (each hash names its parameters) and are upgraded at the next login.
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
