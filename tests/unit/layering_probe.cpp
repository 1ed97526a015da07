// Compiled by the layering_no_widgets_in_core test with the include path of
// caclient-core: it must fail on the poison header.
#include <QWidget>
