#ifndef CONCORD_CPCRE2_SHIM_H
#define CONCORD_CPCRE2_SHIM_H
/* Swift sees only the 8-bit API: the width must be fixed before pcre2.h is read. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
