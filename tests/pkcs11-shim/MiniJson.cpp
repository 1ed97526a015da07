#include "MiniJson.h"

#include <cstdlib>

namespace shim {

class MiniJsonParser
{
public:
    explicit MiniJsonParser(const std::string &text) : m_text(text) {}

    bool parseDocument(MiniJson &out)
    {
        if (!parseValue(out, 0))
            return false;
        skipSpace();
        if (m_pos != m_text.size())
            return fail("unexpected text after the JSON value");
        return true;
    }

    std::string error;

private:
    bool fail(const std::string &what)
    {
        if (error.empty())
            error = what + " at offset " + std::to_string(m_pos);
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_pos;
            } else if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                    ++m_pos;
            } else {
                break;
            }
        }
    }

    bool literal(const char *word)
    {
        const std::string w(word);
        if (m_text.compare(m_pos, w.size(), w) != 0)
            return fail("invalid literal");
        m_pos += w.size();
        return true;
    }

    static void appendUtf8(std::string &s, unsigned long cp)
    {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(unsigned long &cp)
    {
        if (m_pos + 4 > m_text.size())
            return fail("truncated \\u escape");
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            cp <<= 4;
            if (c >= '0' && c <= '9')
                cp |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                cp |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                cp |= unsigned(c - 'A' + 10);
            else
                return fail("invalid \\u escape");
        }
        return true;
    }

    bool parseString(std::string &s)
    {
        ++m_pos; // opening quote
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character in string");
            if (c != '\\') {
                s += c;
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': s += '"'; break;
            case '\\': s += '\\'; break;
            case '/': s += '/'; break;
            case 'b': s += '\b'; break;
            case 'f': s += '\f'; break;
            case 'n': s += '\n'; break;
            case 'r': s += '\r'; break;
            case 't': s += '\t'; break;
            case 'u': {
                unsigned long cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_text.compare(m_pos, 2, "\\u") == 0) {
                    m_pos += 2;
                    unsigned long low = 0;
                    if (!hex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("invalid surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(s, cp);
                break;
            }
            default:
                return fail("invalid escape in string");
            }
        }
        return fail("unterminated string");
    }

    bool parseNumber(double &d)
    {
        const char *begin = m_text.c_str() + m_pos;
        char *end = nullptr;
        d = std::strtod(begin, &end);
        if (end == begin)
            return fail("invalid number");
        m_pos += std::size_t(end - begin);
        return true;
    }

    bool parseValue(MiniJson &v, int depth)
    {
        if (depth > 64)
            return fail("nesting too deep");
        skipSpace();
        if (m_pos >= m_text.size())
            return fail("unexpected end of text");
        const char c = m_text[m_pos];
        if (c == '{') {
            v.m_type = MiniJson::Type::Object;
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            for (;;) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                    return fail("expected a member name");
                std::string key;
                if (!parseString(key))
                    return false;
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                    return fail("expected ':'");
                ++m_pos;
                MiniJson member;
                if (!parseValue(member, depth + 1))
                    return false;
                v.m_object[key] = std::move(member);
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                    ++m_pos;
                    return true;
                }
                return fail("expected ',' or '}'");
            }
        }
        if (c == '[') {
            v.m_type = MiniJson::Type::Array;
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            for (;;) {
                MiniJson item;
                if (!parseValue(item, depth + 1))
                    return false;
                v.m_array.push_back(std::move(item));
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                    ++m_pos;
                    return true;
                }
                return fail("expected ',' or ']'");
            }
        }
        if (c == '"') {
            v.m_type = MiniJson::Type::String;
            return parseString(v.m_string);
        }
        if (c == 't') {
            v.m_type = MiniJson::Type::Bool;
            v.m_bool = true;
            return literal("true");
        }
        if (c == 'f') {
            v.m_type = MiniJson::Type::Bool;
            v.m_bool = false;
            return literal("false");
        }
        if (c == 'n') {
            v.m_type = MiniJson::Type::Null;
            return literal("null");
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            v.m_type = MiniJson::Type::Number;
            return parseNumber(v.m_number);
        }
        return fail("unexpected character");
    }

    const std::string &m_text;
    std::size_t m_pos = 0;
};

bool MiniJson::parse(const std::string &text, MiniJson &out, std::string &error)
{
    MiniJsonParser parser(text);
    MiniJson result;
    if (!parser.parseDocument(result)) {
        error = parser.error;
        return false;
    }
    out = std::move(result);
    return true;
}

const MiniJson *MiniJson::member(const std::string &key) const
{
    if (m_type != Type::Object)
        return nullptr;
    const auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &it->second;
}

} // namespace shim
