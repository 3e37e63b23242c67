<#
.SYNOPSIS
Builds the Sekretariat bundle and its Windows installer in one command.

.DESCRIPTION
On a Windows machine with Python 3.11+ and NSIS 3, from anywhere in the checkout:

    powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1

1. makes the virtual environment .venv (or uses the existing one) and installs the project with its `dist`
   extra (PyInstaller);
2. builds the one-folder bundle dist\sekretariat with installer\sekretariat.spec;
3. compiles installer\windows\sekretariat.nsi into dist\Sekretariat-<version>-setup.exe, the version taken
   from desktop\__init__.py.

.PARAMETER Python
The Python used to make .venv when it does not exist yet (default: the "py -3" launcher, else "python").
#>
[CmdletBinding()]
param(
    [string]$Python = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3.0

function Fail([string]$Message) {
    Write-Host "build.ps1: $Message" -ForegroundColor Red
    exit 1
}

# PowerShell does not stop on a failing program, only on failing cmdlets: every external step goes through here.
function Invoke-Step([string]$Title, [string]$Exe, [string[]]$Arguments) {
    Write-Host "==> $Title" -ForegroundColor Cyan
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) {
        Fail "$Title gagal (kode keluar $LASTEXITCODE)."
    }
}

function Find-BasePython {
    # Returns the command as an array: the program, then its leading arguments ("py", "-3").
    if ($Python) {
        return , @($Python)
    }
    if (Get-Command py -ErrorAction SilentlyContinue) {
        return , @("py", "-3")
    }
    if (Get-Command python -ErrorAction SilentlyContinue) {
        return , @("python")
    }
    Fail ("Python tidak ditemukan. Pasang Python 3.11 atau lebih baru dari https://www.python.org/downloads/ " +
        "(centang 'Add python.exe to PATH'), lalu jalankan lagi.")
}

function Test-PythonVersion([string]$Exe, [string[]]$Leading) {
    # The "python" alias of a fresh Windows only opens the Microsoft Store: it prints nothing and fails.
    try {
        $answer = & $Exe @Leading -c "import sys; print('ok' if sys.version_info >= (3, 11) else sys.version.split()[0])"
    } catch {
        return "tidak dapat dijalankan ($($_.Exception.Message))"
    }
    if ($LASTEXITCODE -ne 0 -or -not $answer) {
        return "tidak dapat dijalankan"
    }
    return "$answer".Trim()
}

function Find-Makensis {
    $onPath = Get-Command makensis -ErrorAction SilentlyContinue
    if ($onPath) {
        return $onPath.Source
    }
    # The NSIS setup does not add itself to PATH.
    foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($base -and (Test-Path (Join-Path $base "NSIS\makensis.exe"))) {
            return (Join-Path $base "NSIS\makensis.exe")
        }
    }
    Fail ("makensis tidak ditemukan. Pasang NSIS 3 dari https://nsis.sourceforge.io/Download " +
        "(atau tambahkan folder makensis.exe ke PATH), lalu jalankan lagi.")
}

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

$init = Get-Content -Raw -Path (Join-Path $Root "desktop\__init__.py")
if ($init -notmatch '(?m)^__version__ = "(\d+\.\d+\.\d+)"') {
    Fail "Versi x.y.z tidak ditemukan di desktop\__init__.py (baris __version__ = `"x.y.z`")."
}
$Version = $Matches[1]

# Both tools are looked for before the long build, so a missing one is reported at once.
$Makensis = Find-Makensis

$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
if (Test-Path $VenvPython) {
    Write-Host "==> Memakai .venv yang sudah ada"
} else {
    $base = Find-BasePython
    $exe = $base[0]
    $leading = @($base | Select-Object -Skip 1)
    $check = Test-PythonVersion $exe $leading
    if ($check -ne "ok") {
        Fail "Python ($($base -join ' ')): $check. Diperlukan Python 3.11 atau lebih baru."
    }
    Invoke-Step "Membuat .venv" $exe ($leading + @("-m", "venv", (Join-Path $Root ".venv")))
}
$check = Test-PythonVersion $VenvPython @()
if ($check -ne "ok") {
    Fail "Python di .venv: $check. Diperlukan Python 3.11 atau lebih baru; hapus folder .venv lalu jalankan lagi."
}

Invoke-Step "Memperbarui pip" $VenvPython @("-m", "pip", "install", "--disable-pip-version-check", "--upgrade", "pip")
Invoke-Step "Memasang Sekretariat dan PyInstaller" $VenvPython @("-m", "pip", "install", "--disable-pip-version-check", ".[dist]")
Invoke-Step "Membuat bundel dist\sekretariat" $VenvPython @("-m", "PyInstaller", "installer\sekretariat.spec", "--noconfirm")

$Payload = Join-Path $Root "dist\sekretariat"
if (-not (Test-Path (Join-Path $Payload "sekretariat.exe"))) {
    Fail "PyInstaller selesai tetapi $Payload\sekretariat.exe tidak ada."
}

# makensis works in the script's folder: every path it gets is absolute.
$OutDir = Join-Path $Root "dist"
Invoke-Step "Membuat pemasang (makensis)" $Makensis @(
    "/V2",
    "/DVERSION=$Version",
    "/DPAYLOAD=$Payload",
    "/DOUTDIR=$OutDir",
    (Join-Path $Root "installer\windows\sekretariat.nsi")
)

$Setup = Join-Path $OutDir "Sekretariat-$Version-setup.exe"
if (-not (Test-Path $Setup)) {
    Fail "makensis selesai tetapi $Setup tidak ada."
}
$sizeMb = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "Selesai: $Setup ($sizeMb MB)" -ForegroundColor Green
