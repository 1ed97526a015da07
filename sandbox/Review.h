#pragma once

#include <QString>
#include <QStringList>

namespace ca::sandbox {

class Context;

// Review and handling: reviewer routes (/api/v1/review/…), `ca-sandbox admin
// approve|reject|ship|onsite|done ID [--comment …] [--tracking …] [--carrier …]`, `admin list`
// and --auto-review SECONDS (approves pending applications after the delay).
class Review
{
public:
    static QStringList actions(); // approve, reject, ship, onsite, done
    // Approves every pending application submitted at least `seconds` ago; returns how many.
    static int autoReview(Context &context, int seconds);
};

} // namespace ca::sandbox
