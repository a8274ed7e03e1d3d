"""What a backup passphrase must be: typed the same twice, at least
:data:`SHORTEST_PASSPHRASE` characters, and not one a guesser tries first (few different
characters, one piece said again, runs of keys or of the alphabet, a common word with a few
figures). The encryption it opens is :mod:`sigverify.core.backup_encryption`'s."""

from __future__ import annotations

from sigverify.core.i18n import translate

SHORTEST_PASSPHRASE = 10


def passphrase_problem(passphrase: str, repeated: str) -> str | None:
    """Why ``passphrase`` cannot be a backup's or a person card's passphrase (typed twice),
    or None."""
    if passphrase != repeated:
        return translate("errors", "The two passphrases are not the same: type it again.")
    if len(passphrase.strip()) < SHORTEST_PASSPHRASE:
        return translate(
            "errors",
            "A passphrase has at least {count} characters: a few words are easier to remember "
            "than a short password.",
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


#: runs of keys a guesser tries first (each also backwards): rows, columns, the alphabet
_RUNS = ("01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm",
         "qwertzuiop", "azertyuiop", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
         "qazwsxedcrfvtgbyhnujmikolp", "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0")  # fmt: skip
_RUNS += tuple(run[::-1] for run in _RUNS)
_LONGEST_RUN = max(len(run) for run in _RUNS)
#: characters left beside runs of keys that still leave a passphrase guessed at once
#: ("asdfghjkl1")
_BESIDE_RUNS = 3
#: words a guesser tries first: with only a few characters beside them, easy to guess
_FIRST_TRIED = ("password", "passwort", "motdepasse", "sigverify", "letmein", "iloveyou",
                "welcome", "admin", "backup", "secret", "qwerty", "monkey", "dragon",
                "sunshine", "princess", "football", "baseball", "master", "shadow", "summer",
                "winter", "spring", "autumn", "freedom")  # fmt: skip
#: letters written as figures or signs ("P@ssw0rd"), read back for the words above
_LOOKALIKES = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o",
                             "$": "s", "5": "s", "7": "t"})  # fmt: skip


def guessed_how(passphrase: str) -> str | None:
    """How a passphrase long enough is guessed at once, judged on its letters and digits:
    "pattern" for few different ones ("aaaaaaaaaa", "1212121212"), one piece said again
    ("passwordpassword") or runs of keys or of the alphabet with at most
    :data:`_BESIDE_RUNS` others ("1234567890", "qwertyasdfgh", "asdfghjkl1", "qazwsxedcr");
    "word" for a word tried first with under 5 others, its letters perhaps written as
    figures ("Password12", "P@ssw0rd12", "Summer2024!"); None when it is none of these."""
    folded = passphrase.casefold()
    plain = "".join(c for c in folded if c.isalnum())
    if len(set(plain)) < 5 or plain in (plain + plain)[1:-1]:
        return "pattern"
    if _beside_runs(plain) <= _BESIDE_RUNS:
        return "pattern"
    read_back = "".join(c for c in folded.translate(_LOOKALIKES) if c.isalnum())
    for text in (plain, read_back):
        for word in _FIRST_TRIED:
            left = text.replace(word, "")
            if left != text and len(left) < 5:
                return "word"
    return None


def _beside_runs(plain: str) -> int:
    """The fewest characters of ``plain`` left once pieces of :data:`_RUNS` (3 or more
    long) cover the rest (linear: a piece is no longer than the longest run; a pasted page
    took seconds)."""
    left = [0] + [len(plain)] * len(plain)  # left[i]: the fewest left in plain[:i]
    for end in range(1, len(plain) + 1):
        left[end] = left[end - 1] + 1
        for start in range(max(0, end - _LONGEST_RUN), end - 2):
            if left[start] < left[end] and any(plain[start:end] in run for run in _RUNS):
                left[end] = left[start]
    return left[-1]
