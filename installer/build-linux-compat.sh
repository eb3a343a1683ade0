#!/usr/bin/env bash
# Build the Linux bundle for older systems — 统信 UOS 20 (glibc 2.28), 银河麒麟 V10 (2.28–2.31)
# and anything newer — as dist-compat/jzdesk/ and dist-compat/jzdesk-<version>-linux-x86_64-compat.tar.gz.
#
# Why a second build: PySide6 6.12 needs glibc 2.34; 6.9.3 is the last release for 2.28. A
# bundle also carries its own Python, SQLite, OpenSSL and libffi, so those must be built on
# a system no newer than the oldest one to support. This script:
#   1. makes an Ubuntu 18.04 system (glibc 2.27) in a folder with debootstrap;
#   2. builds SQLite and CPython there, into a self-contained folder (libraries beside it);
#   3. on this machine, installs PySide6 6.9.3 and the other wheels for manylinux_2_28
#      into a venv of that Python, and runs PyInstaller with installer/jzdesk.spec;
#   4. refuses the result if any bundled file needs a glibc newer than 2.28 or a C++
#      runtime newer than GCC 8's (GLIBCXX 3.4.25, UOS 20's).
# Needs: root (chroot), debootstrap, patchelf, binutils, network access to
# archive.ubuntu.com, deb.debian.org (sources) and PyPI. Takes about 15 minutes the
# first time; the built Python is kept in $JZDESK_COMPAT_WORK for the next build.
#
# Usage:  sudo bash installer/build-linux-compat.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${JZDESK_COMPAT_WORK:-/var/tmp/jzdesk-compat}"
system="$work/bionic"
prefix=/opt/jzpy          # inside the old system
# Debian 13's CPython and SQLite (maintained); their orig tarballs are upstream's, and the
# MD5 sums are those of Debian's Sources index. Debian's pool drops a tarball once no
# release uses it: then take the newer version and sum from
# http://deb.debian.org/debian/dists/trixie/main/source/Sources.xz.
python_version=3.13.5
sqlite_version=3.46.1
glibc_floor=2.28
glibcxx_floor=3.4.25
mkdir -p "$work"

fetch() {  # fetch URL MD5 — download once into $work, checked against the archive's index
    local file="$work/$(basename "$1")"
    [ -f "$file" ] && return
    curl -fsS --retry 3 -o "$file.part" "$1"
    echo "$2  $file.part" | md5sum -c --quiet -
    mv "$file.part" "$file"
}

# Each stage leaves a stamp when it has finished whole, so a run that was cut off is
# taken up again from the stage it was in.
done_before() { [ -f "$work/$1.done" ]; }
stamp() { touch "$work/$1.done"; }

# The old system's /proc and /dev are the host's own, mounted: never leave them mounted
# (deleting $work would then delete the host's device files).
unmount_old_system() {
    for point in "$system/dev" "$system/proc"; do
        if mountpoint -q "$point"; then umount "$point"; fi
    done
}
trap unmount_old_system EXIT

make_old_system() {
    done_before old-system && return
    rm -rf "$system"
    local keyring="$work/keyring/usr/share/keyrings/ubuntu-archive-keyring.gpg"
    if [ ! -f "$keyring" ]; then
        fetch http://archive.ubuntu.com/ubuntu/pool/main/u/ubuntu-keyring/ubuntu-keyring_2020.02.11.4_all.deb \
            68aa623803572f60f4a1b0acc7546e41
        dpkg-deb -x "$work/ubuntu-keyring_2020.02.11.4_all.deb" "$work/keyring"
    fi
    debootstrap --variant=buildd --keyring="$keyring" bionic "$system" http://archive.ubuntu.com/ubuntu
    stamp old-system
}

in_old_system() {  # run a bash script (stdin) in the old system, with /proc and /dev mounted
    mountpoint -q "$system/proc" || mount -t proc proc "$system/proc"
    mountpoint -q "$system/dev" || mount --bind /dev "$system/dev"
    cp /etc/resolv.conf "$system/etc/resolv.conf"
    local status=0
    chroot "$system" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root bash -s || status=$?
    unmount_old_system
    return "$status"
}

build_python() {
    done_before python && return
    fetch "http://deb.debian.org/debian/pool/main/p/python3.13/python3.13_${python_version}.orig.tar.xz" \
        dbaa8833aa736eddbb18a6a6ae0c10fa
    fetch "http://deb.debian.org/debian/pool/main/s/sqlite3/sqlite3_${sqlite_version}.orig.tar.xz" \
        b7908531e276de581710c2619f1e8429
    mkdir -p "$system/build"
    cp "$work/python3.13_${python_version}.orig.tar.xz" "$work/sqlite3_${sqlite_version}.orig.tar.xz" \
        "$system/build/"
    in_old_system <<EOF
set -euo pipefail
rm -rf /build/sqlite3-${sqlite_version} /build/Python-${python_version} $prefix
cd /build
tar xf sqlite3_${sqlite_version}.orig.tar.xz
cd sqlite3-${sqlite_version}
CFLAGS="-O2 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS" ./configure --prefix=$prefix \
    --disable-static --disable-tcl --disable-readline >/dev/null
make -j"\$(nproc)" >/dev/null
make install >/dev/null
cd /build
tar xf python3.13_${python_version}.orig.tar.xz
cd Python-${python_version}
CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib -Wl,-rpath,$prefix/lib" \
    ./configure --prefix=$prefix --enable-shared --with-lto=no >/dev/null
make -j"\$(nproc)" >/dev/null 2>&1
make install >/dev/null 2>&1
# The libraries the interpreter and its modules load that an office PC may lack or have
# in another version: beside libpython, found through \$ORIGIN below.
for lib in libssl.so.1.1 libcrypto.so.1.1 libffi.so.6 libbz2.so.1.0 liblzma.so.5 libz.so.1 libuuid.so.1; do
    cp -L "\$(ldconfig -p | grep -m1 "\$lib " | sed 's/.*=> //')" $prefix/lib/
done
EOF
    # Relocatable: every binary finds its libraries relative to itself.
    local py="$system$prefix"
    patchelf --set-rpath '$ORIGIN/../lib' "$py/bin/python3.13"
    find "$py/lib" -maxdepth 1 -name '*.so*' -type f -exec patchelf --set-rpath '$ORIGIN' {} \;
    find "$py/lib/python3.13/lib-dynload" -name '*.so' -exec patchelf --set-rpath '$ORIGIN/../..' {} \;
    stamp python
}

prepare_old_system() {  # build tools, and the old copies of the libraries Qt and Pillow load
    in_old_system <<EOF
set -euo pipefail
cat > /etc/apt/sources.list <<LIST
deb http://archive.ubuntu.com/ubuntu bionic main universe
deb http://archive.ubuntu.com/ubuntu bionic-updates main universe
deb http://archive.ubuntu.com/ubuntu bionic-security main universe
LIST
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    build-essential tcl8.6 libssl-dev zlib1g-dev libbz2-dev libffi-dev liblzma-dev uuid-dev \
    xz-utils pkg-config \
    libzstd1 libkrb5-3 libgssapi-krb5-2 libk5crypto3 libkrb5support0 libkeyutils1 \
    libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxau6 libxcb1 libxcb-cursor0 libxcb-glx0 \
    libxcb-image0 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 \
    libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb-icccm4 \
    libxcb-keysyms1 libatomic1 libglib2.0-0 >/dev/null
EOF
}

build_bundle() {
    local py="$system$prefix/bin/python3.13" venv="$work/venv" wheels="$work/wheels"
    rm -rf "$venv" && "$py" -m venv "$venv"
    # Every wheel for manylinux_2_28 or older (pip on this machine would pick newer ones).
    rm -rf "$wheels" && mkdir -p "$wheels"
    "$venv/bin/pip" download -q -d "$wheels" --only-binary=:all: --python-version 3.13 \
        --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 \
        --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --platform linux_x86_64 \
        -r "$root/installer/requirements-compat.txt"
    "$venv/bin/pip" install -q --no-index --find-links "$wheels" -r "$root/installer/requirements-compat.txt"
    "$venv/bin/pip" install -q --no-deps "$root"
    cd "$root"
    JZDESK_LIBRARY_ROOT="$system" "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath dist-compat --workpath build-compat installer/jzdesk.spec
}

newest() {  # newest PREFIX — the newest PREFIX_x.y symbol version any bundled file needs
    find dist-compat/jzdesk -type f \( -name '*.so*' -o -name jzdesk \) \
        -exec objdump -T {} \; 2>/dev/null | grep -o "$1_[0-9.]*" | sort -uV | tail -1
}

check_floor() {  # check_floor PREFIX ALLOWED — fail, naming the files, if a newer one is needed
    local needed
    needed="$(newest "$1")"
    echo "$1 needed: ${needed#"$1"_} (allowed: $2)"
    if [ "$(printf '%s\n%s\n' "${needed#"$1"_}" "$2" | sort -V | tail -1)" != "$2" ]; then
        find dist-compat/jzdesk -type f -name '*.so*' -exec sh -c \
            'objdump -T "$1" | grep -q "$2" && echo "  $1"' _ {} "$needed" \;
        exit 1
    fi
}

make_old_system
prepare_old_system
build_python
build_bundle
check_floor GLIBC "$glibc_floor"
check_floor GLIBCXX "$glibcxx_floor"  # the C++ runtime is the system's: UOS 20 has GCC 8's
version="$("$work/venv/bin/python" -c 'import jzdesk; print(jzdesk.__version__)')"
tar -C dist-compat -czf "dist-compat/jzdesk-${version}-linux-x86_64-compat.tar.gz" jzdesk
du -sh dist-compat/jzdesk
echo "dist-compat/jzdesk-${version}-linux-x86_64-compat.tar.gz"
