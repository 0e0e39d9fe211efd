#!/usr/bin/env python3
"""OwnTracks' encrypted payloads made with PyNaCl (libsodium), independently of Waymark's Java code.

  secretbox.py seal SECRET           stdin: plain JSON   -> stdout: {"_type":"encrypted","data":...}
  secretbox.py open SECRET           stdin: envelope     -> stdout: plain JSON (exit 1 if it cannot)
  secretbox.py fixtures > fixtures.json   regenerates the committed fixtures (fixed nonces)

The key is the secret's UTF-8 bytes copied into 32 zero bytes, cut after 32, as the apps do.
SECRET may be given as base64:<base64 of its UTF-8 bytes>, safe from the locale of the caller.
Needs Debian's python3-nacl (use /usr/bin/python3 where another python3 comes first on PATH).
"""
import base64
import json
import sys

import nacl.exceptions
import nacl.secret


def box(secret):
    utf8 = base64.b64decode(secret[7:]) if secret.startswith("base64:") else secret.encode("utf-8")
    return nacl.secret.SecretBox(utf8[:32].ljust(32, b"\0"))


def seal(secret, plain, nonce=None):
    # encrypt() returns nonce (24) + MAC (16) + ciphertext: the layout the apps send
    sealed = box(secret).encrypt(plain, nonce) if nonce else box(secret).encrypt(plain)
    return json.dumps({"_type": "encrypted", "data": base64.b64encode(bytes(sealed)).decode("ascii")})


def fixtures():
    location = '{"_type":"location","lat":52.5163,"lon":13.3777,"tst":1700000000,"tid":"ap","batt":81}'
    cases = [
        ("user-key", "alice", "family secret"),
        ("device-key", "alice/phone", "phone only secret"),
        ("long-secret", "bob", "0123456789abcdef0123456789abcdefTHIS PART IS CUT"),
        ("non-ascii-secret", "carol", "Grüße, ключ 🔑"),
    ]
    out = []
    for i, (name, owner, secret) in enumerate(cases):
        nonce = bytes([i + 1]) * 24  # fixed, so that regenerating gives the same file
        out.append({"name": name, "owner": owner, "secret": secret, "plain": location,
                    "envelope": seal(secret, location.encode("utf-8"), nonce)})
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def main(args):
    if args[0] == "fixtures":
        sys.stdout.write(fixtures())
    elif args[0] == "seal":
        sys.stdout.write(seal(args[1], sys.stdin.buffer.read()))
    elif args[0] == "open":
        envelope = json.loads(sys.stdin.buffer.read())
        try:
            sys.stdout.buffer.write(box(args[1]).decrypt(base64.b64decode(envelope["data"])))
        except nacl.exceptions.CryptoError as ex:
            sys.exit("cannot decrypt: %s" % ex)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
