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
    // Stores a 2xx reply for the request's key now, so that a handler can
    // write it in the same transaction as its own changes (a reply whose
    // effect is committed is never lost for a repeat). run() leaves a row
    // stored this way alone. No key or no 2xx: nothing is stored.
    static void record(Context &context, const Request &request, const Reply &reply);
};

} // namespace ca::sandbox
