"""Person cards protected by a passphrase: a card holds a person's signatures and goes on
a stick or by mail to another desk, where whoever holds the file could read them.

An encrypted card is a zip file holding ``encrypted-card.json`` (how it is encrypted: no
signature, no name) and ``card.zip.encrypted``: the plain card
(:mod:`sigverify.core.person_card`) sealed with AES-256-GCM under a key stretched from the
passphrase typed at export (scrypt, as the backup passphrase:
:func:`~sigverify.core.backup_encryption.new_stretched_key`), the envelope bound to it (a
changed envelope does not open); a check value in the envelope tells a wrong passphrase
from a changed file. A card is a few MB, sealed whole. The passphrase is the
card's own, told to whoever imports it: not the store's backup passphrase, which would
open every backup too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import os
import zipfile

from sigverify.core.backup_encryption import (
    PassphraseNeededError,
    WrongPassphraseError,
    new_stretched_key,
    stretched_key,
)
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate

ENVELOPE = "encrypted-card.json"
PAYLOAD = "card.zip.encrypted"
KIND = "sigverify-encrypted-card"
FORMAT = 1
MAX_ENVELOPE_BYTES = 64 * 1024


def encrypt_card(card: bytes, passphrase: str) -> bytes:
    """The plain card ``card`` (a zip file's bytes) as an encrypted card's bytes."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    stretched, how = new_stretched_key(passphrase)
    key = _subkey(stretched, b"payload")
    nonce = os.urandom(12)
    envelope = json.dumps(
        {
            "kind": KIND,
            "format": FORMAT,
            "cipher": "scrypt AES-256-GCM",
            "stretch": how,
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "check": _check(stretched),
        },
        indent=2,
    ).encode("utf-8")
    sealed = AESGCM(key).encrypt(nonce, card, hashlib.sha256(envelope).digest())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(ENVELOPE, envelope)
        archive.writestr(PAYLOAD, sealed)
    return out.getvalue()


def is_encrypted_card(archive: zipfile.ZipFile) -> bool:
    """Whether the open zip file ``archive`` is an encrypted card."""
    return ENVELOPE in archive.namelist()


def decrypt_card(archive: zipfile.ZipFile, name: str, passphrase: str | None) -> bytes:
    """The plain card inside the encrypted card ``archive`` (the file ``name``):
    :class:`PassphraseNeededError` without ``passphrase``, :class:`WrongPassphraseError`
    with one that does not open it, ValueError (or a zip or key error) when it is not one
    sigverify wrote, a :class:`SigverifyError` when a newer sigverify wrote it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if archive.getinfo(ENVELOPE).file_size > MAX_ENVELOPE_BYTES:  # (a few hundred bytes)
        raise ValueError("an envelope too large to be one")
    envelope = archive.read(ENVELOPE)
    header = json.loads(envelope.decode("utf-8"))
    if not isinstance(header, dict) or header.get("kind") != KIND:
        raise ValueError("not an encrypted card's envelope")
    if int(header["format"]) > FORMAT:
        raise SigverifyError(
            translate(
                "errors",
                "“{name}” was made by a newer version of sigverify: update sigverify to import it.",
            ).format(name=name)
        )
    if not passphrase:
        raise PassphraseNeededError(
            translate(
                "errors",
                "“{name}” is protected by a passphrase: it is needed to import the card. Ask "
                "whoever exported it.",
            ).format(name=name)
        )
    stretched = stretched_key(passphrase, header["stretch"])
    if not hmac.compare_digest(_check(stretched), str(header["check"])):
        raise WrongPassphraseError(
            translate(
                "errors",
                "“{name}” does not open with that passphrase: type the one chosen when the "
                "card was exported.",
            ).format(name=name)
        )
    key = _subkey(stretched, b"payload")
    nonce = base64.b64decode(str(header["nonce"]), validate=True)
    try:
        return AESGCM(key).decrypt(nonce, archive.read(PAYLOAD), hashlib.sha256(envelope).digest())
    except InvalidTag:  # the passphrase is right: the file changed since
        raise ValueError("an encrypted card that no longer opens") from None


def _subkey(stretched: bytes, use: bytes) -> bytes:
    """A key of its own for each use of the stretched passphrase (HMAC-SHA256 as a PRF)."""
    return hmac.new(stretched, b"sigverify card " + use, hashlib.sha256).digest()


def _check(stretched: bytes) -> str:
    """What tells the right passphrase from a wrong one before anything is decrypted (a
    changed card then reads as damaged, not as a wrong passphrase)."""
    return _subkey(stretched, b"check").hex()[:16]
