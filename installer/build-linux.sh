#!/usr/bin/env bash
# Build the Linux bundle (dist/jzdesk/, and dist/jzdesk-<version>-linux-x86_64.tar.gz)
# in a venv of its own. Run from anywhere:  bash installer/build-linux.sh
# Build on the oldest system you want to support: the bundle needs that system's glibc.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python3 -m venv .build-venv
.build-venv/bin/pip install -q --upgrade pip
.build-venv/bin/pip install -q '.[build]'
.build-venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build installer/jzdesk.spec
version="$(.build-venv/bin/python -c 'import jzdesk; print(jzdesk.__version__)')"
tar -C dist -czf "dist/jzdesk-${version}-linux-x86_64.tar.gz" jzdesk
du -sh dist/jzdesk
echo "dist/jzdesk-${version}-linux-x86_64.tar.gz"
