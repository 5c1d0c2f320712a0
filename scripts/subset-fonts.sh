#!/usr/bin/env bash
# Writes the font subsets the PDFs (certificates, signature lists) embed into
# workers/documents/fonts/: the documents Worker loads them from its own static assets
# (env.FONTS), never from its bundle. Run after changing the ranges or the font packages; needs Debian's
# `fonttools` (pyftsubset) and the pinned devDependencies dejavu-fonts-ttf and
# @expo-google-fonts/noto-sans-arabic. Both fonts are free (Bitstream Vera/DejaVu licence, SIL OFL 1.1).
set -euo pipefail
cd "$(dirname "$0")/.."
out=workers/documents/fonts
mkdir -p "$out"
# Latin with diacritics (Turkish, German, …), Greek, Cyrillic (Ukrainian, Russian), punctuation.
latin="U+0020-007E,U+00A0-024F,U+0259,U+02BB-02BC,U+02C6-02DD,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20AC,U+20B4,U+20BA,U+20BD,U+2116,U+2122,U+2190-2193,U+2212,U+2713,U+2717"
# Arabic with its presentation forms (the shaping tables are kept: --layout-features='*').
arabic="U+0020-0040,U+00A0,U+00AB,U+00BB,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+200C-200F,U+2010-2027,U+FB50-FDFF,U+FE70-FEFF"
common=(--layout-features='*' --glyph-names --symbol-cmap --notdef-outline --name-IDs='*' --name-languages='*' --no-hinting --desubroutinize)
for weight in "" "-Bold"; do
  pyftsubset "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans$weight.ttf" --unicodes="$latin" "${common[@]}" --output-file="$out/DejaVuSans$weight.ttf"
done
pyftsubset node_modules/@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf --unicodes="$arabic" "${common[@]}" --output-file="$out/NotoSansArabic.ttf"
pyftsubset node_modules/@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf --unicodes="$arabic" "${common[@]}" --output-file="$out/NotoSansArabic-Bold.ttf"
cp node_modules/dejavu-fonts-ttf/LICENSE "$out/LICENSE-DejaVu.txt"
cp node_modules/@expo-google-fonts/noto-sans-arabic/LICENSE_FONT "$out/LICENSE-NotoSansArabic.txt"
ls -l "$out"
