#pragma once

namespace ca::p11 {

// The symbolic name of a PKCS#11 return value ("CKR_PIN_INCORRECT"), or
// "CKR_VENDOR_DEFINED" / "CKR_UNKNOWN" for values outside the standard table.
const char *ckrName(unsigned long rv);

} // namespace ca::p11
