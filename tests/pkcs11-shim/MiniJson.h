// A very small JSON reader for the shim's configuration file. The shim must
// behave like a vendor module (no Qt, no project libraries), so it carries its
// own parser. Supports objects, arrays, strings (with \uXXXX escapes), numbers,
// true/false/null, and // line comments (handy in hand-written configs).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace shim {

class MiniJson
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    // Parses text; on failure returns false and sets error (with the byte offset).
    static bool parse(const std::string &text, MiniJson &out, std::string &error);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool boolValue() const { return m_bool; }
    double number() const { return m_number; }
    const std::string &string() const { return m_string; }
    const std::vector<MiniJson> &array() const { return m_array; }
    const std::map<std::string, MiniJson> &object() const { return m_object; }

    // Object member or nullptr.
    const MiniJson *member(const std::string &key) const;

private:
    friend class MiniJsonParser;
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    std::string m_string;
    std::vector<MiniJson> m_array;
    std::map<std::string, MiniJson> m_object;
};

} // namespace shim
