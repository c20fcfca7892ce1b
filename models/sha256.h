#pragma once
// SHA-256 by OpenSSL's libcrypto, which uses the CPU's SHA extensions where there are any: about
// five times faster than QCryptographicHash in Qt 6.4 (bench_readiness hashes a 5,000-item
// sign-off text after every tick). Same bytes, same digest.
#include <QByteArray>
#include <QByteArrayView>

namespace cockpit {

// The 32-byte digest of data.
QByteArray sha256(QByteArrayView data);
// The same, as 64 lowercase hex digits.
QByteArray sha256Hex(QByteArrayView data);

}  // namespace cockpit
