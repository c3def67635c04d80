#!/usr/bin/env bash
# Installs the Debian programs the tests need (Chromium, LibreOffice, fonts, poppler, gettext)
# when they are missing and this user may install them; otherwise says what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
# LibreOffice's Python bridge for the system Python: the kept PDF converter (unoserver) needs it.
/usr/bin/python3 -c "import uno" >/dev/null 2>&1 || missing+=(python3-uno)
# Times New Roman's metric twin, with the Vietnamese letters (version 1, fonts-liberation, has
# none: LibreOffice would set every "ộ" in another, wider font and move the page breaks).
fc-list ':lang=vi' family 2>/dev/null | grep -qi "Liberation Serif" || missing+=(fonts-liberation2)

[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    SUDO="none"
  fi
  if [ "$SUDO" != "none" ]; then
    echo "Cài các gói Debian còn thiếu / installing missing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
    exit 0
  fi
fi

cat >&2 <<MSG
Thiếu các chương trình cần cho kiểm thử / missing programs needed by the tests:
  ${missing[*]}
Hãy cài bằng / install them with:
  sudo apt-get install ${missing[*]}
MSG
exit 1
