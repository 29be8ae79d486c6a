#!/usr/bin/env bash
# Install the Debian/Ubuntu packages sanhui's demo and tests need, if any is missing.
# LibreOffice comes from the distribution (UNO-NOTES.md): the full Writer (dialogs need it, the
# -nogui flavour has none), the Python UNO bridge and script provider, CJK fonts for GB/T 9704
# fallbacks, Xvfb + xdotool + imagemagick for real-window tests and screenshots, poppler for PDF checks.
set -euo pipefail
PKGS=(libreoffice-writer libreoffice-calc libreoffice-impress libreoffice-l10n-zh-cn python3-uno libreoffice-script-provider-python python3-venv
      fonts-noto-cjk fonts-lxgw-wenkai fonts-arphic-ukai
      xvfb xdotool x11-utils imagemagick poppler-utils)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
