#include "sha256.h"

#include <openssl/evp.h>

namespace cockpit {

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    // EVP_Digest fails only when libcrypto cannot allocate a context: then nothing can be trusted.
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(digest.data()), &size,
            EVP_sha256(), nullptr)
            != 1
        || size != 32)
        qFatal("libcrypto could not compute a SHA-256 digest");
    return digest;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return sha256(data).toHex();
}

}  // namespace cockpit
