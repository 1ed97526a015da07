#pragma once

class QApplication;

namespace ca::ui {

// Makes Chinese text render with Simplified Chinese glyph shapes: the
// application font lists SC families explicitly (Windows, macOS and Linux
// names) ahead of any generic CJK family, so fontconfig never falls back to a
// Japanese variant of a shared CJK font.
void applyChineseFontFallback(QApplication &app);

} // namespace ca::ui
