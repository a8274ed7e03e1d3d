"""What a backup passphrase must be: typed the same twice, at least
:data:`SHORTEST_PASSPHRASE` characters, and not one a guesser tries first (few different
characters, one piece said again, runs of keys or of the alphabet, a common word with a few
figures). The encryption it opens is :mod:`sigverify.core.backup_encryption`'s."""

from __future__ import annotations

from sigverify.core.i18n import translate

SHORTEST_PASSPHRASE = 10


def passphrase_problem(passphrase: str, repeated: str) -> str | None:
    """Why ``passphrase`` cannot be the backup passphrase (typed twice), or None."""
    if passphrase != repeated:
        return translate("errors", "The two passphrases are not the same: type it again.")
    if len(passphrase.strip()) < SHORTEST_PASSPHRASE:
        return translate(
            "errors",
            "A backup passphrase has at least {count} characters: a few words are easier to "
            "remember than a short password.",
        ).format(count=SHORTEST_PASSPHRASE)
    how = guessed_how(passphrase)
    if how == "word":
        return translate(
            "errors",
            "That passphrase is easy to guess: a word tried first (such as “password”) with "
            "a few characters beside it. Choose a few words that mean something to you only.",
        )
    if how is not None:
        return translate(
            "errors",
            "That passphrase is easy to guess: a few characters repeated or a run of keys. "
            "Choose a few words that mean something to you only.",
        )
    return None


#: runs of keys a guesser tries first (each also backwards)
_RUNS = ("01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm",
         "qwertzuiop", "azertyuiop", "1qaz2wsx3edc4rfv5tgb", "1q2w3e4r5t6y7u8i9o0p",
         "q1w2e3r4t5y6u7i8o9p0")  # fmt: skip
_RUNS += tuple(run[::-1] for run in _RUNS)
_LONGEST_RUN = max(len(run) for run in _RUNS)
#: words a guesser tries first: with only a few characters beside them, easy to guess
_FIRST_TRIED = ("password", "passwort", "motdepasse", "sigverify", "letmein", "iloveyou",
                "welcome", "admin", "backup", "secret")  # fmt: skip


def guessed_how(passphrase: str) -> str | None:
    """How a passphrase long enough is guessed at once, judged on its letters and digits:
    "pattern" for few different ones ("aaaaaaaaaa", "1212121212"), one piece said again
    ("passwordpassword") or pieces of runs of keys or of the alphabet ("1234567890",
    "qwertyasdfgh", "abc123def456"); "word" for a word tried first with under 5 others
    ("Password12"); None when it is none of these."""
    plain = "".join(c for c in passphrase.casefold() if c.isalnum())
    if len(set(plain)) < 5 or plain in (plain + plain)[1:-1]:
        return "pattern"
    for word in _FIRST_TRIED:
        plain_left = plain.replace(word, "")
        if plain_left != plain and len(plain_left) < 5:
            return "word"
    return "pattern" if _runs_only(plain) else None


def _runs_only(plain: str) -> bool:
    """True when ``plain`` is pieces of :data:`_RUNS` one after another, each 3 or more
    long (linear: a piece is no longer than the longest run; a pasted page took seconds)."""
    made = [True] + [False] * len(plain)  # made[i]: plain[:i] is such pieces
    for end in range(3, len(plain) + 1):
        made[end] = any(
            made[start] and any(plain[start:end] in run for run in _RUNS)
            for start in range(max(0, end - _LONGEST_RUN), end - 2)
        )
    return made[-1]
