#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <vector>

namespace ca::sandbox {

class Context;
class SandboxServer;

// A part of ca-sandbox (accounts, applications, payments, …). Modules register
// themselves with CA_SANDBOX_MODULE(Class) in their .cpp; main() creates all of
// them, sorted by order(), then for each: addMigrations(), (migrate), install().
class Module
{
public:
    virtual ~Module() = default;
    virtual QString name() const = 0;
    // Lower first. Core modules use 10..50; extension modules 100+.
    virtual int order() const { return 100; }
    // Register schema steps with Context::addMigration().
    virtual void addMigrations(Context &context) { Q_UNUSED(context) }
    // Register routes (SandboxServer::route), decorators, timers. Called once
    // when the server runs (not for `ca-sandbox admin`).
    virtual void install(Context &context, SandboxServer &server) { Q_UNUSED(context) Q_UNUSED(server) }
    // Called after migrations for both the server and `admin` (e.g. seeding).
    virtual void prepare(Context &context) { Q_UNUSED(context) }
    // `ca-sandbox admin --data DIR VERB args…`: the verbs this module handles.
    virtual QStringList adminVerbs() const { return {}; }
    // args[0] is the verb. Return the process exit code (0 ok, 1 refused, 2 usage).
    virtual int runAdmin(Context &context, const QStringList &args, QTextStream &out, QTextStream &err)
    {
        Q_UNUSED(context) Q_UNUSED(args) Q_UNUSED(out) Q_UNUSED(err)
        return 2;
    }
};

class ModuleRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Module>()>;
    static bool add(Factory factory);
    static std::vector<std::unique_ptr<Module>> createAll(); // sorted by order()
};

} // namespace ca::sandbox

#define CA_SANDBOX_MODULE(Class)                                                        \
    namespace {                                                                         \
    [[maybe_unused]] const bool caSandboxModuleRegistered_##Class =                    \
        ::ca::sandbox::ModuleRegistry::add([] { return std::make_unique<Class>(); });   \
    }
