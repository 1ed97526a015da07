#pragma once

#include "Reply.h"
#include "Request.h"

#include <functional>

namespace ca::sandbox {

class Context;

// Idempotency-Key handling (table idempotency_keys). With a key, the first
// 2xx reply for (account, key) is stored and every repeat replays it (header
// Idempotent-Replayed: true) without running the handler again. A key reused
// for a different method or path answers 422 "idempotency_key_reused".
// Without a key the handler simply runs.
class Idempotency
{
public:
    static Reply run(Context &context, const Request &request, const std::function<Reply()> &handler);
};

} // namespace ca::sandbox
