#include "pkcs11/SecureBuffer.h"

#include <openssl/crypto.h>

#include <cstring>
#include <utility>

namespace ca::p11 {

SecureBuffer::SecureBuffer(const char *data, std::size_t size)
{
    reserve(size);
    if (size)
        std::memcpy(m_data, data, size);
    m_size = size;
}

SecureBuffer::~SecureBuffer()
{
    clear();
    delete[] m_data;
}

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0))
{
}

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept
{
    if (this != &other) {
        clear();
        delete[] m_data;
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

SecureBuffer SecureBuffer::takeString(QString &text)
{
    QByteArray utf8 = text.toUtf8();
    SecureBuffer b = takeBytes(utf8);
    wipe(text);
    return b;
}

SecureBuffer SecureBuffer::takeBytes(QByteArray &bytes)
{
    SecureBuffer b(bytes.constData(), std::size_t(bytes.size()));
    wipe(bytes);
    return b;
}

void SecureBuffer::reserve(std::size_t capacity)
{
    if (capacity <= m_capacity)
        return;
    std::size_t newCap = m_capacity ? m_capacity : 32;
    while (newCap < capacity)
        newCap *= 2;
    auto *fresh = new unsigned char[newCap];
    if (m_size)
        std::memcpy(fresh, m_data, m_size);
    if (m_data) {
        OPENSSL_cleanse(m_data, m_capacity);
        delete[] m_data;
    }
    m_data = fresh;
    m_capacity = newCap;
}

void SecureBuffer::append(char c)
{
    reserve(m_size + 1);
    m_data[m_size++] = static_cast<unsigned char>(c);
}

void SecureBuffer::chop(std::size_t n)
{
    n = n > m_size ? m_size : n;
    OPENSSL_cleanse(m_data + m_size - n, n);
    m_size -= n;
}

void SecureBuffer::clear()
{
    if (m_data)
        OPENSSL_cleanse(m_data, m_capacity);
    m_size = 0;
}

bool SecureBuffer::equals(const SecureBuffer &other) const
{
    return m_size == other.m_size && (m_size == 0 || CRYPTO_memcmp(m_data, other.m_data, m_size) == 0);
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty()) {
        bytes.detach();
        OPENSSL_cleanse(bytes.data(), std::size_t(bytes.size()));
    }
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty()) {
        text.detach();
        OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
    }
    text.clear();
}

} // namespace ca::p11
