// The fault-injecting PKCS#11 shim: state shared by every wrapped C_* function.
// Only C_GetFunctionList is exported from the module; everything else is
// reached through the function list (see README.md for the configuration).
#pragma once

#include "ShimConfig.h"

#include <p11-kit/pkcs11.h>

#include <sys/stat.h>

#include <map>
#include <mutex>
#include <string>

namespace shim {

class Shim
{
public:
    static Shim &instance();

    std::mutex mutex;

    // --- configuration (guarded by mutex) ---
    ShimConfig config;
    // Re-reads CA_SHIM_CONFIG when its path, stat or content changed; resets call counters.
    void refreshConfigLocked(bool force = false);
    std::string statePathLocked() const;

    // --- target module ---
    void *targetHandle = nullptr;
    std::string loadedTarget;
    CK_FUNCTION_LIST_PTR target = nullptr;
    bool initialized = false;
    // Loads config.target when nothing (or another path) is loaded; false + message on failure.
    bool loadTargetLocked(std::string &error);

    // --- call counting ---
    std::map<std::string, unsigned long> callCounts;
    unsigned long totalCalls = 0;

    // --- presence ---
    bool removed = false; // set by a "remove" fault when no presence_file is configured
    bool presentFor(const std::string &serial) const;
    bool slotPresentLocked(CK_SLOT_ID slot);
    void removeTokenLocked();
    // Sessions whose token is absent become dead (closed in the target).
    void syncPresenceLocked();

    // --- sessions opened through the shim ---
    struct Session
    {
        CK_SLOT_ID slot = 0;
        std::string serial;
        bool dead = false;
    };
    std::map<CK_SESSION_HANDLE, Session> sessions;
    std::string slotSerialLocked(CK_SLOT_ID slot);
    std::string sessionSerialLocked(CK_SESSION_HANDLE session);

    // --- PIN lockout (persisted in "<config>.state" when a config file is used) ---
    unsigned long wrongTriesLocked(const std::string &serial);
    void setWrongTriesLocked(const std::string &serial, unsigned long tries);
    void applyPinFlagsLocked(const std::string &serial, CK_FLAGS &flags);

private:
    std::string m_configPath;
    std::string m_configText;
    bool m_haveStat = false;
    struct stat m_configStat {};
    std::string m_lastBadText;
    std::map<std::string, unsigned long> m_memoryWrongTries;
    std::map<std::string, unsigned long> readStateLocked() const;
};

} // namespace shim
