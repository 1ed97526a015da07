#include "Module.h"

#include <algorithm>

namespace ca::sandbox {

namespace {
std::vector<ModuleRegistry::Factory> &factories()
{
    static std::vector<ModuleRegistry::Factory> list;
    return list;
}
} // namespace

bool ModuleRegistry::add(Factory factory)
{
    factories().push_back(std::move(factory));
    return true;
}

std::vector<std::unique_ptr<Module>> ModuleRegistry::createAll()
{
    std::vector<std::unique_ptr<Module>> modules;
    for (const auto &f : factories())
        modules.push_back(f());
    std::stable_sort(modules.begin(), modules.end(), [](const auto &a, const auto &b) {
        if (a->order() != b->order())
            return a->order() < b->order();
        return a->name() < b->name();
    });
    return modules;
}

} // namespace ca::sandbox
