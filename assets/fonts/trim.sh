#!/bin/sh
# Reproduces the trimmed Noto faces in this directory from the full Debian fonts-noto-core TTFs.
# Needs fontTools (`pip install fonttools`). Usage: sh trim.sh [SOURCE_DIR]
set -eu

SRC="${1:-/usr/share/fonts/truetype/noto}"
OUT="$(cd "$(dirname "$0")" && pwd)"

# Latin (Basic, Latin-1, Extended-A), spacing modifiers used as apostrophes and accents,
# the combining acute/breve/diaeresis (stress marks, decomposed й ё), Cyrillic and
# Cyrillic Supplement (all Kazakh letters), General Punctuation (incl. U+202F narrow
# no-break space), superscript digits, all currency signs (₸ U+20B8), №, ™, basic arrows,
# minus sign, the replacement character.
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+02BB-02BC,U+02C6-02C7,U+02D8-02DD,\
U+0301,U+0306,U+0308,U+0400-04FF,U+0500-052F,U+2000-206F,U+2070-2079,U+20A0-20BF,\
U+2116,U+2122,U+2190-2195,U+2212,U+FFFD"

for face in NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic NotoSerif-BoldItalic \
            NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSans-BoldItalic; do
    pyftsubset "$SRC/$face.ttf" \
        --unicodes="$UNICODES" \
        --layout-features='*' \
        --no-hinting \
        --name-IDs='*' --name-languages='*' --name-legacy \
        --notdef-outline \
        --drop-tables+=DSIG \
        --output-file="$OUT/$face.ttf"
done

# Every face must keep all Kazakh letters and the typographic signs booklets use.
python3 - "$OUT" <<'PY'
import glob, sys
from fontTools.ttLib import TTFont
need = "ӘҒҚҢӨҰҮҺІәғқңөұүһі«»—–…\u00a0\u202f₸№"
bad = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.ttf")):
    cmap = TTFont(path).getBestCmap()
    missing = [f"U+{ord(c):04X}" for c in need if ord(c) not in cmap]
    if missing:
        print(path, "lacks", " ".join(missing))
        bad = 1
sys.exit(bad)
PY
