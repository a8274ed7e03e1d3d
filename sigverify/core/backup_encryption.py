"""Backups protected by a passphrase: a backup holds every signature of the store and the
key its rows are sealed with, and a USB stick keeps no file owners.

The store keeps a key pair for its backups (settings, sealed like any other): the public
key, with which every backup is encrypted, by hand or daily, without anyone typing the
passphrase; the private key, itself encrypted with the passphrase; and a secret "maker
key", kept in the store and, beside the private key, inside that encryption. Each backup
carries the encrypted private key, so a backup restores on a new computer with the
passphrase alone, and a backup made before the passphrase changed still opens with the
passphrase it was made under. The maker key goes into each backup's encryption key: the
public key alone (in every backup, on every stick) cannot make a backup the passphrase
opens, so a backup put together by whoever held the stick is refused as damaged.

An encrypted backup is a zip file holding ``encrypted-backup.json`` (how it is encrypted:
no signature, no name) and ``backup.zip.encrypted``: the plain backup
(:mod:`sigverify.core.store_backup`) in pieces of 1 MiB, each sealed with AES-256-GCM
under a key made for that backup alone (X25519 with a key pair of its own, then
HKDF-SHA256 over the exchange and the maker key), numbered, the last marked so (a file
cut short or pieces moved fail). The passphrase is stretched with scrypt (2^17, 8, 1:
about half a second, 128 MiB); a file asking for more (memory or time: a file made to
stop the app) is refused before it is tried.

``cryptography`` is imported when a key is used, not when the app starts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sigverify.core.errors import SigverifyError
from sigverify.core.files import folder_beside
from sigverify.core.i18n import translate

logger = logging.getLogger(__name__)

ENVELOPE = "encrypted-backup.json"
PAYLOAD = "backup.zip.encrypted"
KIND = "sigverify-encrypted-backup"
FORMAT = 1
PUBLIC_KEY_SETTING = "backup/public_key"
PRIVATE_KEY_SETTING = "backup/private_key"
MAKER_KEY_SETTING = "backup/maker_key"
_PIECE = 1 << 20
_TAG = 16
_SCRYPT = {"n": 1 << 17, "r": 8, "p": 1}
_MOST_SCRYPT_N = 1 << 18  # 256 MiB: what a file may ask for, at most
_PIECES = (1 << 10, 1 << 24)  # the piece sizes a file may say, smallest and largest
_WRAP_LABEL = b"sigverify backup private key"
_HKDF_LABEL = b"sigverify backup v1"


class PassphraseNeededError(SigverifyError):
    """The backup is encrypted and no passphrase was given; ``key``: the fingerprint of
    its backup key, as its envelope says ("?" when it cannot be read)."""

    def __init__(self, message: str, key: str = "?"):
        super().__init__(message)
        self.key = key


class WrongPassphraseError(SigverifyError):
    """The passphrase given does not open the key; ``key``: the fingerprint of the backup
    key it was tried on ("": not a backup key's, a person card's)."""

    def __init__(self, message: str, key: str = ""):
        super().__init__(message)
        self.key = key


@contextmanager
def refusal_recorded(
    store, operator: str, tried: str, file: str | Path | None = None, key: str = ""
) -> Iterator[None]:
    """Run the block; a :class:`WrongPassphraseError` from it is written to ``store``'s
    audit log (:func:`record_refusal`) and raised again."""
    try:
        yield
    except WrongPassphraseError as error:
        record_refusal(store, operator, error, tried, file, key)
        raise


def record_refusal(
    store, operator: str, error: WrongPassphraseError, tried: str, file=None, key: str = ""
) -> None:
    """Write a passphrase refused to ``store``'s audit log ("passphrase_refused"): what it
    was ``tried`` on ("backup", "card", or "backup_passphrase": to change it), the file's
    name, the backup key. Guessing at a stick's backups or a card left no trace before. A
    log that cannot be written (a shared store's account without the right) leaves the
    refusal as it was: that is what the person must read."""
    details = {"tried": tried, "key": key or error.key}
    if file is not None:
        details["file"] = Path(file).name
    try:
        store.record(operator, "passphrase_refused", None, details)
    except Exception:
        logger.warning("a refused passphrase was not written to the audit log", exc_info=True)


@dataclass(frozen=True)
class BackupKey:
    """A store's backup key pair: the public key (raw X25519), the private key and the
    maker key encrypted with the passphrase (as kept in the store and in each backup),
    and the maker key (kept in the store only; None as read from a backup)."""

    public: bytes
    locked: dict
    maker: bytes | None = None

    @property
    def fingerprint(self) -> str:
        """Eight hexadecimal digits naming the key (in the audit log, in messages)."""
        return hashlib.sha256(self.public).hexdigest()[:8]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    return base64.b64decode(str(text), validate=True)


def _stretched(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    text = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(text)


def new_stretched_key(passphrase: str) -> tuple[bytes, dict]:
    """A 32-byte key stretched from ``passphrase`` with a new salt, and how it was made
    (for :func:`stretched_key` to make it again: no secret in it)."""
    salt = os.urandom(16)
    return _stretched(passphrase, salt, **_SCRYPT), {"kdf": "scrypt", **_SCRYPT, "salt": _b64(salt)}


def stretched_key(passphrase: str, how: dict) -> bytes:
    """The key :func:`new_stretched_key` made from ``passphrase``, as ``how`` says;
    settings beyond what sigverify writes (memory or time: a file made to stop the app)
    are refused (ValueError) untried."""
    n, r, p = int(how["n"]), int(how["r"]), int(how["p"])
    if not (how.get("kdf") == "scrypt" and n <= _MOST_SCRYPT_N and r == _SCRYPT["r"]
            and p == _SCRYPT["p"]):  # fmt: skip
        raise ValueError(f"scrypt settings {n}, {r}, {p} beyond what sigverify writes")
    return _stretched(passphrase, _unb64(how["salt"]), n, r, p)


def new_backup_key(passphrase: str) -> BackupKey:
    """A new key pair, its private key locked with ``passphrase``."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    maker, nonce = os.urandom(32), os.urandom(12)
    key, how = new_stretched_key(passphrase)
    sealed = AESGCM(key).encrypt(nonce, raw + maker, _WRAP_LABEL + public)
    return BackupKey(public, how | {"nonce": _b64(nonce), "private": _b64(sealed)}, maker)


def unlock(key: BackupKey, passphrase: str):
    """The private key of ``key`` (an X25519 private key) and its maker key;
    :class:`WrongPassphraseError` when ``passphrase`` is not the one it was locked with.
    Stretching settings beyond what sigverify writes are refused (ValueError) untried."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    locked = key.locked
    stretched = stretched_key(passphrase, locked)
    try:
        raw = AESGCM(stretched).decrypt(
            _unb64(locked["nonce"]), _unb64(locked["private"]), _WRAP_LABEL + key.public
        )
    except InvalidTag:
        raise WrongPassphraseError(
            translate("errors", "That is not the backup passphrase.")
        ) from None
    if len(raw) != 64:
        raise ValueError("a locked key of the wrong length")
    return X25519PrivateKey.from_private_bytes(raw[:32]), raw[32:]


# ------------------------------------------------------------------ the store's key


def backup_key(store) -> BackupKey | None:
    """The key the store's backups are encrypted with (None: they are not)."""
    public = store.get_setting(PUBLIC_KEY_SETTING)
    locked = store.get_setting(PRIVATE_KEY_SETTING)
    maker = store.get_setting(MAKER_KEY_SETTING)
    if not public or not locked or not maker:
        return None
    return BackupKey(_unb64(public), json.loads(locked), _unb64(maker))


def set_backup_passphrase(store, passphrase: str | None, operator: str, current: str | None):
    """Protect the store's backups from now on with ``passphrase`` (None: stop protecting
    them), audited; ``current``, the passphrase until now, is needed when there is one
    (:class:`WrongPassphraseError`). Backups made before keep their own passphrase. The
    new key, or None."""
    old = backup_key(store)
    if old is not None:
        with refusal_recorded(store, operator, "backup_passphrase", key=old.fingerprint):
            unlock(old, current or "")
    key = None if passphrase is None else new_backup_key(passphrase)
    _put_key(store, key, old, operator, {})
    return key


def unencrypted_backups(store) -> int:
    """How many backups of the store the audit log records as made unencrypted."""
    return sum(1 for entry in store.audit_entries(action="backup") if not entry.details.get("key"))


def keep_backup_key(store, key: BackupKey | None, operator: str) -> tuple[BackupKey | None, bool]:
    """In a store just restored from a backup: the backup key ``key`` of the store it
    replaces stays in force (a passphrase changed after the backup was made is not undone
    unsaid), audited; with none there, the backup's own. The key in force, and whether it
    differs from the backup's own."""
    restored = backup_key(store)
    if key is None or key == restored:
        return restored, False
    _put_key(store, key, restored, operator, {"restored": True})
    return key, True


def _put_key(store, key: BackupKey | None, old: BackupKey | None, operator: str, more: dict):
    values = {
        PUBLIC_KEY_SETTING: "" if key is None else _b64(key.public),
        PRIVATE_KEY_SETTING: "" if key is None else json.dumps(key.locked),
        MAKER_KEY_SETTING: "" if key is None else _b64(key.maker),
    }
    details = {
        "key": None if key is None else key.fingerprint,
        "before": None if old is None else old.fingerprint,
    } | more
    store.set_settings_audited(values, operator, "backup_passphrase", details)


# ------------------------------------------------------------------ backup files


def is_encrypted(path: str | Path) -> bool:
    """Whether ``path`` is a zip file holding an encrypted backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            return ENVELOPE in archive.namelist()
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile):
        return False


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _payload_key(shared: bytes, maker: bytes, ephemeral: bytes, public: bytes) -> bytes:
    """The backup's own key: from the exchange (who it is for) and the maker key (that the
    store it came from made it)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=maker, info=_HKDF_LABEL + ephemeral + public
    ).derive(shared)


def encrypt_backup(
    plain: Path, out: Path, key: BackupKey, copied: Callable[[int], object] | None = None
) -> None:
    """Write the plain backup file ``plain`` to ``out`` encrypted for ``key``;
    ``copied(bytes done)`` as it goes."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(key.public))
    envelope = json.dumps(
        {
            "kind": KIND,
            "format": FORMAT,
            "cipher": "X25519 HKDF-SHA256 AES-256-GCM",
            "piece": _PIECE,
            "key": key.fingerprint,
            "public": _b64(key.public),
            "ephemeral": _b64(ephemeral_public),
            "locked": key.locked,
        },
        indent=2,
    ).encode("utf-8")
    cipher = AESGCM(_payload_key(shared, key.maker, ephemeral_public, key.public))
    bound = hashlib.sha256(envelope).digest()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(ENVELOPE, envelope)
        info = zipfile.ZipInfo(PAYLOAD)
        with open(plain, "rb") as source, archive.open(info, "w", force_zip64=True) as target:
            number, done, piece = 0, 0, source.read(_PIECE)
            while True:
                following = source.read(_PIECE) if len(piece) == _PIECE else b""
                last = not following
                target.write(cipher.encrypt(_nonce(number, last), piece, bound))
                done += len(piece)
                if copied is not None:
                    copied(done)
                if last:
                    break
                number, piece = number + 1, following


def decrypt_backup(path: Path, out: Path, passphrase: str | None) -> None:
    """Write the encrypted backup ``path`` to ``out`` as the plain backup it holds;
    :class:`PassphraseNeededError` without ``passphrase``, :class:`WrongPassphraseError`
    with one that does not open it, a :class:`SigverifyError` when it is damaged."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        with zipfile.ZipFile(path) as archive:
            envelope = archive.read(ENVELOPE)
            header = json.loads(envelope.decode("utf-8"))
            if not isinstance(header, dict) or header.get("kind") != KIND:
                raise ValueError("not an encrypted backup's envelope")
            if int(header["format"]) > FORMAT:
                raise newer_backup(path)
            piece = int(header["piece"])
            if not _PIECES[0] <= piece <= _PIECES[1]:
                raise ValueError(f"pieces of {piece} bytes")
            if not passphrase:
                raise passphrase_needed(path, str(header.get("key", "?")))
            public = _unb64(header["public"])
            ephemeral = _unb64(header["ephemeral"])
            try:
                private, maker = unlock(BackupKey(public, header["locked"]), passphrase)
            except WrongPassphraseError:
                raise WrongPassphraseError(
                    translate(
                        "errors",
                        "That is not the passphrase of “{file}”. A backup opens with the "
                        "passphrase set when it was made (its backup key ID: {key}).",
                    ).format(file=path.name, key=header.get("key", "?")),
                    str(header.get("key", "?")),
                ) from None
            shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
            cipher = AESGCM(_payload_key(shared, maker, ephemeral, public))
            bound = hashlib.sha256(envelope).digest()
            size = piece + _TAG
            with archive.open(PAYLOAD) as source, open(out, "wb") as target:
                number, piece = 0, source.read(size)
                while True:
                    following = source.read(size) if len(piece) == size else b""
                    last = not following
                    target.write(cipher.decrypt(_nonce(number, last), piece, bound))
                    if last:
                        break
                    number, piece = number + 1, following
    except SigverifyError:
        raise
    except (InvalidTag, zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError,
            EOFError, OverflowError) as error:  # fmt: skip
        raise damaged_backup(path) from error


def passphrase_needed(path: Path, key: str) -> PassphraseNeededError:
    return PassphraseNeededError(
        translate(
            "errors",
            "“{file}” is protected by a passphrase (backup key ID {key}): it is needed to "
            "restore it.",
        ).format(file=path.name, key=key),
        key,
    )


def envelope_key(archive: zipfile.ZipFile) -> str:
    """The fingerprint of the key an encrypted backup's envelope names ("?": unreadable)."""
    try:
        header = json.loads(archive.read(ENVELOPE).decode("utf-8"))
        return str(header["key"]) if isinstance(header, dict) else "?"
    except (KeyError, ValueError, zipfile.BadZipFile):
        return "?"


def damaged_backup(path: Path) -> SigverifyError:
    return SigverifyError(
        translate(
            "errors",
            "The backup “{file}” is damaged: what it holds no longer matches what was "
            "backed up. Use another copy of it.",
        ).format(file=path.name)
    )


def newer_backup(path: Path) -> SigverifyError:
    return SigverifyError(
        translate(
            "errors",
            "“{file}” was made by a newer version of sigverify: update sigverify to restore it.",
        ).format(file=path.name)
    )


@contextmanager
def opened(path: str | Path, passphrase: str | None, beside: Path) -> Iterator[Path]:
    """The plain backup of ``path``: itself when it is not encrypted; else decrypted, under
    its own name, into a folder beside ``beside`` (the store: this computer's user data,
    not a stick or a shared temporary folder), removed afterwards."""
    path = Path(path)
    if not is_encrypted(path):
        yield path
        return
    work = folder_beside(beside, "decrypting")
    try:
        plain = work / path.name
        decrypt_backup(path, plain, passphrase)
        yield plain
    finally:
        shutil.rmtree(work, ignore_errors=True)
