# Build the Windows bundle (dist\jzdesk\) and the installer (dist\jzdesk-<version>-setup.exe).
# Needs Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 or 7 (ISCC.exe on PATH or
# in its default folder). Run in PowerShell from the project folder:
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# On Linux, installer/build-windows-wine.sh does the same under Wine (and CI runs it).
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string]$what, [scriptblock]$command) {
    & $command
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" }
}

# Clean: nothing of an earlier build may end up in this one.
foreach ($old in "build", "dist\jzdesk") {
    if (Test-Path $old) { Remove-Item -Recurse -Force $old }
}
Invoke-Checked "creating .build-venv" { py -3 -m venv .build-venv }
$python = ".\.build-venv\Scripts\python.exe"
Invoke-Checked "pip" { & $python -m pip install -q --upgrade pip }
Invoke-Checked "pip install .[build]" { & $python -m pip install -q ".[build]" }
Invoke-Checked "PyInstaller" {
    & $python -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath dist --workpath build installer\jzdesk.spec
}
$version = (& $python -c "import jzdesk; print(jzdesk.__version__)").Trim()

# Inno Setup 7 or 6: on PATH, or where its installer puts it (for all users or only me).
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    $candidates = foreach ($major in 7, 6) {
        foreach ($root in ${env:ProgramFiles(x86)}, $env:ProgramFiles, "$env:LOCALAPPDATA\Programs") {
            if ($root) { Join-Path $root "Inno Setup $major\ISCC.exe" }
        }
    }
    $iscc = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $iscc) { throw "Inno Setup 6 or 7 not found: install it from https://jrsoftware.org/isdl.php" }
Invoke-Checked "ISCC" { & $iscc "/DAppVersion=$version" installer\jzdesk.iss }
Write-Host "dist\jzdesk-$version-setup.exe"
