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

// data() would detach a shared buffer and wipe the private copy, leaving the
// secret in the shared one: write through constData() instead (the data
// belongs to the heap when isMutable(), i.e. it is not a literal).
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.data_ptr().isMutable())
        OPENSSL_cleanse(const_cast<char *>(bytes.constData()), std::size_t(bytes.size()));
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty() && text.data_ptr().isMutable())
        OPENSSL_cleanse(const_cast<QChar *>(text.constData()), std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

namespace {

// A minimal JSON scanner over the raw text (no copies of string values
// except the one wanted, which goes into a SecureBuffer).
class JsonScan
{
public:
    JsonScan(const char *p, const char *end) : m_p(p), m_end(end) {}

    void space()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool eat(char c)
    {
        space();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    char peek()
    {
        space();
        return m_p < m_end ? *m_p : '\0';
    }
    // A string at the cursor, decoded into out (when given). False when malformed.
    bool string(SecureBuffer *out)
    {
        if (!eat('"'))
            return false;
        while (m_p < m_end) {
            const char c = *m_p++;
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c != '\\') {
                if (out)
                    out->append(c);
                continue;
            }
            if (m_p >= m_end)
                return false;
            const char e = *m_p++;
            char plain = 0;
            switch (e) {
            case '"': plain = '"'; break;
            case '\\': plain = '\\'; break;
            case '/': plain = '/'; break;
            case 'b': plain = '\b'; break;
            case 'f': plain = '\f'; break;
            case 'n': plain = '\n'; break;
            case 'r': plain = '\r'; break;
            case 't': plain = '\t'; break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(&cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo = 0;
                    if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u')
                        return false;
                    m_p += 2;
                    if (!hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                if (out)
                    utf8(cp, out);
                continue;
            }
            default:
                return false;
            }
            if (out)
                out->append(plain);
        }
        return false;
    }
    // Skips any value (string, number, literal, object, array).
    bool skipValue(int depth = 0)
    {
        if (depth > 64)
            return false;
        const char c = peek();
        if (c == '"')
            return string(nullptr);
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_p;
            if (eat(close))
                return true;
            for (;;) {
                if (c == '{') {
                    if (!string(nullptr) || !eat(':'))
                        return false;
                }
                if (!skipValue(depth + 1))
                    return false;
                if (eat(close))
                    return true;
                if (!eat(','))
                    return false;
            }
        }
        const char *start = m_p;
        while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ' ' && *m_p != '\n' && *m_p != '\r'
               && *m_p != '\t')
            ++m_p;
        return m_p > start;
    }

private:
    bool hex4(unsigned *v)
    {
        if (m_end - m_p < 4)
            return false;
        *v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = *m_p++;
            *v <<= 4;
            if (h >= '0' && h <= '9')
                *v |= unsigned(h - '0');
            else if (h >= 'a' && h <= 'f')
                *v |= unsigned(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                *v |= unsigned(h - 'A' + 10);
            else
                return false;
        }
        return true;
    }
    static void utf8(unsigned cp, SecureBuffer *out)
    {
        if (cp < 0x80) {
            out->append(char(cp));
        } else if (cp < 0x800) {
            out->append(char(0xC0 | (cp >> 6)));
            out->append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out->append(char(0xE0 | (cp >> 12)));
            out->append(char(0x80 | ((cp >> 6) & 0x3F)));
            out->append(char(0x80 | (cp & 0x3F)));
        } else {
            out->append(char(0xF0 | (cp >> 18)));
            out->append(char(0x80 | ((cp >> 12) & 0x3F)));
            out->append(char(0x80 | ((cp >> 6) & 0x3F)));
            out->append(char(0x80 | (cp & 0x3F)));
        }
    }

    const char *m_p;
    const char *m_end;
};

SecureBuffer scanJsonString(const QByteArray &json, const char *key)
{
    JsonScan scan(json.constData(), json.constData() + json.size());
    if (!scan.eat('{') || scan.eat('}'))
        return {};
    SecureBuffer found;
    bool haveFound = false;
    for (;;) {
        SecureBuffer name;
        if (!scan.string(&name) || !scan.eat(':'))
            return {};
        const std::size_t keyLen = std::strlen(key);
        const bool wanted = name.size() == keyLen && std::memcmp(name.data(), key, keyLen) == 0;
        if (wanted && scan.peek() == '"') {
            SecureBuffer value;
            if (!scan.string(&value))
                return {};
            found = std::move(value);  // the last member wins, as with QJsonDocument
            haveFound = true;
        } else if (!scan.skipValue()) {
            return {};
        }
        if (scan.eat('}'))
            return haveFound ? std::move(found) : SecureBuffer();
        if (!scan.eat(','))
            return {};
    }
}

} // namespace

SecureBuffer SecureBuffer::takeJsonString(QByteArray &json, const char *key)
{
    SecureBuffer out = scanJsonString(json, key);
    wipe(json);
    return out;
}

} // namespace ca::p11
