#include "tools/Terminal.h"

#include <windows.h>

#include <cstdio>
#include <fcntl.h>
#include <io.h>

namespace ca::tool {

void prepareConsole()
{
    // QTextStream writes UTF-8: tell the console so, so that Chinese reads
    // right in cmd.exe and PowerShell (output redirected to a file or a pipe
    // is UTF-8 bytes either way).
    ::SetConsoleOutputCP(CP_UTF8);
    ::SetConsoleCP(CP_UTF8);
    // The same bytes as on Linux: '\n' stays '\n' (the C runtime's text mode
    // would write "\r\n" into files and pipes that scripts read, JSON too).
    ::_setmode(::_fileno(stdout), _O_BINARY);
    ::_setmode(::_fileno(stderr), _O_BINARY);
}

std::optional<p11::SecureBuffer> readTerminalLine(const QString &prompt)
{
    // The console itself, even when standard input or output is redirected
    // (as /dev/tty on POSIX); no console (a service, a GUI parent): nullopt.
    HANDLE in = ::CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                              nullptr, OPEN_EXISTING, 0, nullptr);
    if (in == INVALID_HANDLE_VALUE)
        return std::nullopt;
    HANDLE out = ::CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                               nullptr, OPEN_EXISTING, 0, nullptr);
    DWORD oldMode = 0;
    if (!::GetConsoleMode(in, &oldMode)) {
        ::CloseHandle(in);
        if (out != INVALID_HANDLE_VALUE)
            ::CloseHandle(out);
        return std::nullopt;
    }
    if (out != INVALID_HANDLE_VALUE) {
        DWORD written = 0;
        ::WriteConsoleW(out, reinterpret_cast<const wchar_t *>(prompt.utf16()), DWORD(prompt.size()), &written, nullptr);
    }
    // Echo off, line editing kept (Backspace works), Ctrl+C still handled.
    ::SetConsoleMode(in, (oldMode | ENABLE_LINE_INPUT | ENABLE_PROCESSED_INPUT) & ~DWORD(ENABLE_ECHO_INPUT));

    // Read UTF-16 units one at a time and append their UTF-8 straight into the
    // SecureBuffer: the secret is never in a growing QString.
    p11::SecureBuffer line;
    wchar_t unit = 0;
    wchar_t high = 0;
    for (;;) {
        DWORD n = 0;
        if (!::ReadConsoleW(in, &unit, 1, &n, nullptr) || n == 0)
            break;
        if (unit == L'\r' || unit == L'\n')
            break;
        char32_t cp = unit;
        if (unit >= 0xD800 && unit < 0xDC00) {
            high = unit;
            continue;
        }
        if (unit >= 0xDC00 && unit < 0xE000) {
            if (!high)
                continue;
            cp = 0x10000 + ((char32_t(high) - 0xD800) << 10) + (char32_t(unit) - 0xDC00);
            high = 0;
        }
        char bytes[4];
        int len = 0;
        if (cp < 0x80) {
            bytes[len++] = char(cp);
        } else if (cp < 0x800) {
            bytes[len++] = char(0xC0 | (cp >> 6));
            bytes[len++] = char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            bytes[len++] = char(0xE0 | (cp >> 12));
            bytes[len++] = char(0x80 | ((cp >> 6) & 0x3F));
            bytes[len++] = char(0x80 | (cp & 0x3F));
        } else {
            bytes[len++] = char(0xF0 | (cp >> 18));
            bytes[len++] = char(0x80 | ((cp >> 12) & 0x3F));
            bytes[len++] = char(0x80 | ((cp >> 6) & 0x3F));
            bytes[len++] = char(0x80 | (cp & 0x3F));
        }
        for (int i = 0; i < len; ++i)
            line.append(bytes[i]);
        ::SecureZeroMemory(bytes, sizeof bytes);
        cp = 0;
    }
    // A line is read to its end (the '\n' after '\r' is left for nobody).
    unit = 0;
    ::SetConsoleMode(in, oldMode);
    if (out != INVALID_HANDLE_VALUE) {
        DWORD written = 0;
        ::WriteConsoleW(out, L"\r\n", 2, &written, nullptr);
        ::CloseHandle(out);
    }
    ::CloseHandle(in);
    return line;
}

} // namespace ca::tool
