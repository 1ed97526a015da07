#include "Shim.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace shim {

namespace {

bool readWholeFile(const std::string &path, std::string &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool sameStat(const struct stat &a, const struct stat &b)
{
    return a.st_ino == b.st_ino && a.st_dev == b.st_dev && a.st_size == b.st_size
        && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec
        && a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

std::string trimmed(const unsigned char *data, std::size_t len)
{
    std::string s(reinterpret_cast<const char *>(data), len);
    const auto end = s.find_last_not_of(' ');
    return end == std::string::npos ? std::string() : s.substr(0, end + 1);
}

} // namespace

Shim &Shim::instance()
{
    static Shim s;
    return s;
}

void Shim::refreshConfigLocked(bool force)
{
    const char *env = std::getenv("CA_SHIM_CONFIG");
    const std::string path = env ? env : "";

    std::string text;
    struct stat st {};
    const bool exists = !path.empty() && ::stat(path.c_str(), &st) == 0 && readWholeFile(path, text);
    const bool changed = force || path != m_configPath || exists != m_haveStat
        || (exists && (!sameStat(st, m_configStat) || text != m_configText));
    if (!changed)
        return;

    ShimConfig next;
    if (exists) {
        std::string error;
        std::vector<std::string> warnings;
        if (!ShimConfig::parse(text, next, error, warnings)) {
            if (text != m_lastBadText) {
                std::fprintf(stderr, "ca-pkcs11-shim: %s: %s (keeping the previous configuration)\n",
                             path.c_str(), error.c_str());
                m_lastBadText = text;
            }
            return;
        }
        for (const std::string &w : warnings)
            std::fprintf(stderr, "ca-pkcs11-shim: %s: %s\n", path.c_str(), w.c_str());
    } else if (!path.empty()) {
        std::fprintf(stderr, "ca-pkcs11-shim: %s does not exist; forwarding without faults\n", path.c_str());
    }
    m_lastBadText.clear();
    config = std::move(next);
    m_configPath = path;
    m_configText = exists ? text : std::string();
    m_haveStat = exists;
    m_configStat = st;
    callCounts.clear();
    totalCalls = 0;
    removed = false;
}

std::string Shim::statePathLocked() const
{
    return m_configPath.empty() ? std::string() : m_configPath + ".state";
}

bool Shim::loadTargetLocked(std::string &error)
{
    if (target && loadedTarget == config.target)
        return true;
    void *handle = ::dlopen(config.target.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *e = ::dlerror();
        error = "cannot load the target module " + config.target + ": " + (e ? e : "?");
        return false;
    }
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(::dlsym(handle, "C_GetFunctionList"));
    CK_FUNCTION_LIST_PTR list = nullptr;
    if (!getList || getList(&list) != CKR_OK || !list) {
        error = "the target module " + config.target + " has no usable C_GetFunctionList";
        ::dlclose(handle);
        return false;
    }
    // The previous target (if any) stays loaded: a module may keep state that
    // does not survive dlclose, and a test process is short-lived.
    targetHandle = handle;
    target = list;
    loadedTarget = config.target;
    return true;
}

bool Shim::presentFor(const std::string &serial) const
{
    if (!config.presenceSerial.empty() && serial != config.presenceSerial)
        return true;
    if (!config.presenceFile.empty())
        return ::access(config.presenceFile.c_str(), F_OK) == 0;
    return !removed;
}

bool Shim::slotPresentLocked(CK_SLOT_ID slot)
{
    if (config.presenceSerial.empty())
        return presentFor(std::string());
    return presentFor(slotSerialLocked(slot));
}

void Shim::removeTokenLocked()
{
    if (!config.presenceFile.empty())
        ::unlink(config.presenceFile.c_str());
    else
        removed = true;
    syncPresenceLocked();
}

void Shim::syncPresenceLocked()
{
    for (auto &[handle, session] : sessions) {
        if (session.dead || presentFor(session.serial))
            continue;
        session.dead = true;
        if (target)
            target->C_CloseSession(handle);
    }
}

std::string Shim::slotSerialLocked(CK_SLOT_ID slot)
{
    if (!target)
        return {};
    CK_TOKEN_INFO info {};
    if (target->C_GetTokenInfo(slot, &info) != CKR_OK)
        return {};
    return trimmed(info.serialNumber, sizeof info.serialNumber);
}

std::string Shim::sessionSerialLocked(CK_SESSION_HANDLE session)
{
    const auto it = sessions.find(session);
    if (it != sessions.end())
        return it->second.serial;
    if (!target)
        return {};
    CK_SESSION_INFO info {};
    if (target->C_GetSessionInfo(session, &info) != CKR_OK)
        return {};
    return slotSerialLocked(info.slotID);
}

std::map<std::string, unsigned long> Shim::readStateLocked() const
{
    std::map<std::string, unsigned long> state;
    std::ifstream in(statePathLocked());
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos)
            continue;
        state[line.substr(0, tab)] = std::strtoul(line.c_str() + tab + 1, nullptr, 10);
    }
    return state;
}

unsigned long Shim::wrongTriesLocked(const std::string &serial)
{
    if (statePathLocked().empty()) {
        const auto it = m_memoryWrongTries.find(serial);
        return it == m_memoryWrongTries.end() ? 0 : it->second;
    }
    const auto state = readStateLocked();
    const auto it = state.find(serial);
    return it == state.end() ? 0 : it->second;
}

void Shim::setWrongTriesLocked(const std::string &serial, unsigned long tries)
{
    const std::string path = statePathLocked();
    if (path.empty()) {
        m_memoryWrongTries[serial] = tries;
        return;
    }
    auto state = readStateLocked();
    const auto it = state.find(serial);
    if ((it == state.end() ? 0 : it->second) == tries)
        return;
    state[serial] = tries;
    std::string text;
    for (const auto &[s, n] : state)
        text += s + '\t' + std::to_string(n) + '\n';
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            std::fprintf(stderr, "ca-pkcs11-shim: cannot write %s\n", tmp.c_str());
            return;
        }
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        std::fprintf(stderr, "ca-pkcs11-shim: cannot replace %s: %s\n", path.c_str(), std::strerror(errno));
}

void Shim::applyPinFlagsLocked(const std::string &serial, CK_FLAGS &flags)
{
    if (config.pinPad)
        flags |= CKF_PROTECTED_AUTHENTICATION_PATH;
    if (config.pinToBeChanged)
        flags |= CKF_USER_PIN_TO_BE_CHANGED;
    if (config.soPinFlags) {
        flags &= ~(CKF_SO_PIN_COUNT_LOW | CKF_SO_PIN_FINAL_TRY | CKF_SO_PIN_LOCKED);
        flags |= config.soPinFlags;
    }
    if (config.maxPinTries == 0)
        return;
    flags &= ~(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
    const unsigned long wrong = wrongTriesLocked(serial);
    if (wrong >= config.maxPinTries) {
        flags |= CKF_USER_PIN_LOCKED;
        return;
    }
    if (wrong > 0 && wrong >= config.countLowAfter)
        flags |= CKF_USER_PIN_COUNT_LOW;
    if (config.maxPinTries - wrong == 1)
        flags |= CKF_USER_PIN_FINAL_TRY;
}

} // namespace shim
