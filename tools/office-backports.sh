#!/usr/bin/env bash
# The newest LibreOffice Debian 12 ships (bookworm-backports, 25.2 today), side by side with the
# system's own 7.4: apart from what tools/setup-system.sh installs when it is missing (7.4 and the
# libraries both use), nothing goes through dpkg and nothing of the system's LibreOffice is changed.
# Installed once: a later run finds it and does nothing (remove $SANHUI_OFFICE_PREFIX to refresh).
#
#   tools/office-backports.sh install        # idempotent; root, or a writable $SANHUI_OFFICE_PREFIX
#   eval "$(tools/office-backports.sh env)"  # SANHUI_SOFFICE, PYTHONPATH, URE_BOOTSTRAP, LD_LIBRARY_PATH
#   tools/office-backports.sh run CMD ...    # CMD with that environment, e.g. make test-office
#   tools/office-backports.sh version        # the installed version, e.g. 4:25.2.3-2+deb13u5~bpo12+1
#
# How: a private apt configuration (its own sources, lists and cache; the system's sources, lists
# and pins are not touched) asks what installing the packages below from bookworm-backports would
# bring onto *this* system, downloads exactly those .debs and unpacks them with `dpkg -x` into
# $SANHUI_OFFICE_PREFIX (default /opt/libreoffice-backports). The unpacked tree is then made to
# stand on its own: absolute symlinks (main.xcd → /etc/libreoffice/…, share/prereg/bundled, the
# shared uno_packages cache) point into the tree, and the places Debian spells /usr/lib/libreoffice
# in text (fundamentalrc's BRAND_BASE_DIR, uno.py's sys.path and URE_BOOTSTRAP, the unopkg script)
# name the tree instead. Binaries need no change: soffice.bin, libpyuno.so and pyuno.so load their
# libraries through RUNPATH $ORIGIN; the few non-LibreOffice libraries the new version needs and the
# system lacks (libzxcvbn0 on Debian 12) are found through LD_LIBRARY_PATH.
#
# `import uno` then loads the new pyuno in any python3.11 (the venv included) whose PYTHONPATH
# starts with the tree's dist-packages; uno.py sets URE_BOOTSTRAP for the processes it starts too.
set -euo pipefail

PREFIX=${SANHUI_OFFICE_PREFIX:-/opt/libreoffice-backports}
SUITE=bookworm-backports
PKGS=(libreoffice-writer libreoffice-calc libreoffice-impress libreoffice-l10n-zh-cn python3-uno
      libreoffice-script-provider-python)
MARK="$PREFIX/.sanhui-office"
PROGRAM="$PREFIX/usr/lib/libreoffice/program"

die() { echo "office-backports: $*" >&2; exit 1; }

print_env() {
  [ -f "$MARK" ] || die "not installed in $PREFIX (run: $0 install)"
  local pp="$PREFIX/usr/lib/python3/dist-packages:$PROGRAM"
  local lp="$PREFIX/usr/lib/$(uname -m)-linux-gnu"
  printf 'export SANHUI_SOFFICE=%q\n' "$PROGRAM/soffice"
  printf 'export URE_BOOTSTRAP=%q\n' "vnd.sun.star.pathname:$PROGRAM/fundamentalrc"
  printf 'export PYTHONPATH=%q\n' "$pp${PYTHONPATH:+:$PYTHONPATH}"
  printf 'export LD_LIBRARY_PATH=%q\n' "$lp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

install_tree() {
  if [ -f "$MARK" ]; then
    echo "office-backports: $(sed -n 's/^version=//p' "$MARK") already in $PREFIX"
    return 0
  fi
  # The system libraries both versions use (and 7.4 itself): what apt plans below is then only
  # LibreOffice's own packages and the few libraries the new version adds.
  bash "$(dirname "$0")/setup-system.sh"
  local work="$PREFIX.work"
  rm -rf "$work"
  mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/apt/prefs" "$work/debs"
  cat >"$work/apt/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-updates main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $SUITE main
EOF
  local apt_opts=(
    -o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::Etc::Preferences=/dev/null -o "Dir::Etc::PreferencesParts=$work/apt/prefs"
    -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
    -o "Dir::Cache::Archives=$work/apt/cache/archives" -o APT::Sandbox::User=root
  )
  echo "office-backports: reading $SUITE (private apt lists in $work/apt)"
  apt-get "${apt_opts[@]}" -qq update
  # What installing the packages from backports would bring onto this system: upgrades of what
  # is installed (all of LibreOffice) and packages it lacks. Installed, unchanged packages stay
  # the system's.
  apt-get "${apt_opts[@]}" -s -t "$SUITE" install --no-install-recommends "${PKGS[@]}" >"$work/plan.txt"
  local wanted
  wanted=$(awk '/^Inst /{v=$3; if (v ~ /^\[/) v=$4; sub(/^\(/, "", v); print $2 "=" v}' "$work/plan.txt")
  [ -n "$wanted" ] || die "apt plans nothing to install from $SUITE (see $work/plan.txt)"
  local version
  version=$(awk '/^Inst libreoffice-core /{v=$3; if (v ~ /^\[/) v=$4; sub(/^\(/, "", v); print v}' "$work/plan.txt")
  [ -n "$version" ] || die "libreoffice-core is not among what $SUITE would install (see $work/plan.txt)"
  echo "office-backports: downloading $(echo "$wanted" | wc -l) packages (libreoffice-core $version)"
  # shellcheck disable=SC2086
  (cd "$work/debs" && apt-get "${apt_opts[@]}" -qq download $wanted)
  local root="$work/root"
  mkdir -p "$root"
  for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$root"; done
  # libreoffice-common's postinst copies (ucf) share/.registry/main.xcd to /etc/libreoffice/registry/.
  local xcd
  for xcd in "$root"/usr/lib/libreoffice/share/.registry/*.xcd; do
    [ -e "$xcd" ] || continue
    mkdir -p "$root/etc/libreoffice/registry"
    [ -e "$root/etc/libreoffice/registry/${xcd##*/}" ] || cp "$xcd" "$root/etc/libreoffice/registry/"
  done
  # Absolute symlinks point at the system's files (e.g. main.xcd → /etc/libreoffice/registry/, the
  # 7.4 configuration): point them at the same path inside the tree.
  local link target
  while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    [ -e "$root$target" ] || echo "office-backports: warning: ${link#"$root"} → $target, not in the packages" >&2
    ln -sfn "$PREFIX$target" "$link"
  done < <(find "$root" -type l -lname '/*' -print0)
  # Debian links the UNO libraries into /usr/lib/<multiarch> too. Found there through
  # LD_LIBRARY_PATH, a library's $ORIGIN would be that folder, where its own RUNPATH finds nothing
  # ("failed to load pyuno: libreglo.so"): leave only the non-LibreOffice libraries there.
  find "$root/usr/lib/$(uname -m)-linux-gnu" -maxdepth 1 -type l -lname '../libreoffice/*' -delete 2>/dev/null || true
  # Text that spells the system path.
  local prog="$root/usr/lib/libreoffice/program"
  sed -i "s#file:///usr/lib/libreoffice#file://$PREFIX/usr/lib/libreoffice#g" "$prog/fundamentalrc"
  sed -i "s#'/usr/lib/libreoffice/program#'$PREFIX/usr/lib/libreoffice/program#g;\
s#vnd.sun.star.pathname:/usr/lib/libreoffice/program#vnd.sun.star.pathname:$PREFIX/usr/lib/libreoffice/program#g" \
    "$root/usr/lib/python3/dist-packages/uno.py"
  [ -f "$prog/unopkg" ] && sed -i "s#\"/usr/lib/libreoffice/program\"#\"$PREFIX/usr/lib/libreoffice/program\"#g" "$prog/unopkg"
  grep -q "$PREFIX" "$prog/fundamentalrc" || die "fundamentalrc not relocated"
  ! grep -q "[':]/usr/lib/libreoffice" "$root/usr/lib/python3/dist-packages/uno.py" || die "uno.py not relocated"
  # The tree moves to its place in one step, so a half-made tree is never taken for a whole one.
  rm -rf "$PREFIX.old"
  [ -e "$PREFIX" ] && mv "$PREFIX" "$PREFIX.old"
  mv "$root" "$PREFIX"
  printf 'version=%s\npackages=%s\n' "$version" "$(echo $wanted)" >"$MARK"
  rm -rf "$PREFIX.old" "$work"
  echo "office-backports: LibreOffice $version in $PREFIX"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  install) install_tree ;;
  env) print_env ;;
  version) [ -f "$MARK" ] || die "not installed in $PREFIX"; sed -n 's/^version=//p' "$MARK" ;;
  run)
    [ $# -gt 0 ] || die "run: no command"
    eval "$(print_env)"
    exec "$@"
    ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
