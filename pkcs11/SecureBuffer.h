#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace ca::p11 {

// Holds a PIN (or SO PIN) as bytes. It cannot be copied, only moved; the
// memory is wiped with OPENSSL_cleanse when the buffer is cleared or
// destroyed. There is deliberately no way to turn it into a QString, and no
// streaming or debug operator: a PIN never reaches a log.
class SecureBuffer
{
public:
    SecureBuffer() = default;
    SecureBuffer(const char *data, std::size_t size);
    ~SecureBuffer();

    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;
    SecureBuffer(SecureBuffer &&other) noexcept;
    SecureBuffer &operator=(SecureBuffer &&other) noexcept;

    // Takes the UTF-8 bytes of `text` and wipes `text` (and the temporary
    // UTF-8 copy) afterwards.
    static SecureBuffer takeString(QString &text);
    // Takes `bytes` and wipes them.
    static SecureBuffer takeBytes(QByteArray &bytes);
    // Takes the string value of the top-level member `key` of a JSON object
    // text (escapes decoded, UTF-8) straight into a SecureBuffer without a
    // QJsonDocument/QString copy, then wipes `json` whatever the outcome.
    // Empty when the text is not an object or has no such string member.
    static SecureBuffer takeJsonString(QByteArray &json, const char *key);

    const unsigned char *data() const { return m_data; }
    unsigned char *data() { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    void append(char c);
    void chop(std::size_t n);
    void clear();
    bool equals(const SecureBuffer &other) const;

private:
    void reserve(std::size_t capacity);

    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

// Wipes a QByteArray / QString in place (used for temporaries that held a
// PIN) and clears it. The shared data itself is overwritten, never a detached
// copy: every other QByteArray/QString sharing it (a QLineEdit's text, a
// copy kept by the caller) reads as zeros afterwards. Static data (literals,
// fromRawData) cannot be written and is only released.
void wipe(QByteArray &bytes);
void wipe(QString &text);

} // namespace ca::p11
