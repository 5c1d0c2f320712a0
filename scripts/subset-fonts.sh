#!/usr/bin/env bash
# Writes the font subsets the PDFs (certificates, signature lists) embed into
# workers/documents/fonts/ (Data modules of the documents Worker, workers/documents/fonts.ts).
# Run after changing the ranges or the font package; needs Debian's `fonttools` (pyftsubset)
# and the pinned devDependency dejavu-fonts-ttf. DejaVu is free (Bitstream Vera/DejaVu licence).
#
# One family for every script: DejaVu Sans has Latin, Greek, Cyrillic and Arabic, and its
# Arabic a glyph of its own for each letter and joining form (the presentation forms), so a
# PDF's text layer maps every glyph to its letter and Arabic copies out as written.
set -euo pipefail
cd "$(dirname "$0")/.."
out=workers/documents/fonts
mkdir -p "$out"
# Latin with diacritics (Turkish, German, …), Greek, Cyrillic (Ukrainian, Russian), punctuation.
latin="U+0020-007E,U+00A0-024F,U+0259,U+02BB-02BC,U+02C6-02DD,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20AC,U+20B4,U+20BA,U+20BD,U+2116,U+2122,U+2190-2193,U+2212,U+2713,U+2717"
# Arabic (Persian and Urdu letters too) with its presentation forms; the shaping tables are kept (--layout-features='*').
arabic="U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF"
common=(--layout-features='*' --glyph-names --symbol-cmap --notdef-outline --name-IDs='*' --name-languages='*' --no-hinting --desubroutinize)
for weight in "" "-Bold"; do
  pyftsubset "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans$weight.ttf" --unicodes="$latin,$arabic" "${common[@]}" --output-file="$out/DejaVuSans$weight.ttf"
done
cp node_modules/dejavu-fonts-ttf/LICENSE "$out/LICENSE-DejaVu.txt"
ls -l "$out"
