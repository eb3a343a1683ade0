# Build the Windows bundle (dist\jzdesk\) and the installer (dist\jzdesk-<version>-setup.exe).
# Needs Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 (iscc.exe on PATH or in
# its default folder). Run in PowerShell from the project folder:
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
py -3 -m venv .build-venv
.\.build-venv\Scripts\python.exe -m pip install -q --upgrade pip
.\.build-venv\Scripts\python.exe -m pip install -q ".[build]"
.\.build-venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build installer\jzdesk.spec
$version = & .\.build-venv\Scripts\python.exe -c "import jzdesk; print(jzdesk.__version__)"
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\jzdesk.iss
Write-Host "dist\jzdesk-$version-setup.exe"
