#include <stddef.h>
#include <turbojpeg.h>
#include <png.h>
