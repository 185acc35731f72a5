#!/bin/sh
# gzip -9 copies (foo.js.gz beside foo.js) of the built web app's text files, for nginx's
# gzip_static (garage/web-files.conf): compressed once at build time, at the best level, instead of
# on every request at a fast one. Files under 1 KiB stay as they are (gzip would barely shrink them).
# Usage: sh infra/nginx/precompress.sh web/dist
set -eu
dir="${1:?usage: precompress.sh <web root>}"
find "$dir" -type f -size +1k \
  \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' -o -name '*.txt' -o -name '*.webmanifest' \) \
  -exec gzip -9 -n -k -f {} +
