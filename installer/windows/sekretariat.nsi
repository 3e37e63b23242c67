; Sekretariat: the per-machine Windows installer (NSIS 3, Modern UI 2), made from the PyInstaller one-folder bundle.
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=C:\src\sekretariat\dist\sekretariat installer\windows\sekretariat.nsi
;
; Defines (relative paths are taken from this folder, because makensis works in the script's directory):
;   VERSION    x.y.z, required (build.ps1 reads it from desktop/__init__.py)
;   PAYLOAD    the bundle folder holding sekretariat.exe and _internal\   (default ..\..\dist\sekretariat)
;   OUTDIR     where Sekretariat-<version>-setup.exe is written, must exist (default ..\..\dist)
;   ICON       the application icon (default ..\..\resources\icons\sekretariat.ico)
;   PUBLISHER  shown in "Apps & features"
;   COMPRESSOR the SetCompressor arguments (default /SOLID lzma)
;
; The users' data lives in %LOCALAPPDATA%\Sekretariat of each Windows account (databases, backups, settings).
; Nothing here reads or writes that folder: install, upgrade and uninstall touch only the program folder, the
; two shortcuts and the uninstall registry key.

Unicode true
ManifestDPIAware true
; The bundle is several hundred MB of DLLs: a solid LZMA archive is the smallest, and the slowest to make
; (a CI check that only wants to know the script compiles may pass /DCOMPRESSOR=zlib).
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=x.y.z sekretariat.nsi"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\sekretariat"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\dist"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\sekretariat.ico"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "Sekretariat"
!endif

!if ! /FileExists "${PAYLOAD}\sekretariat.exe"
  !error "No sekretariat.exe in PAYLOAD=${PAYLOAD}: build the bundle first (pyinstaller installer/sekretariat.spec)"
!endif
!if ! /FileExists "${ICON}"
  !error "No icon at ICON=${ICON}"
!endif

; Windows wants a four-part numeric version in the file's version resource; the app's version has three.
!searchparse "${VERSION}" "" VER_MAJOR "." VER_MINOR "." VER_PATCH
!define VERSION4 "${VER_MAJOR}.${VER_MINOR}.${VER_PATCH}.0"

!define APP "Sekretariat"
!define EXE "sekretariat.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Sekretariat"

Name "${APP}"
OutFile "${OUTDIR}\Sekretariat-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APP}"
RequestExecutionLevel admin
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APP} ${VERSION}"

!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh
!include FileFunc.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
; No "run now" box: it would start the app as the administrator who installs, so the first data folder would
; be made in the administrator's profile instead of the clerk's.
!define MUI_FINISHPAGE_TEXT "$(FINISH_TEXT)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UN_CONFIRM_TEXT)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(UN_FINISH_TEXT)"
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default; Windows set to English gets English.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString FINISH_TEXT ${LANG_INDONESIAN} "Sekretariat ${VERSION} sudah terpasang untuk semua pengguna komputer ini. Buka dari menu Start atau ikon Sekretariat di desktop.$\r$\n$\r$\nData setiap pengguna (basis data, cadangan, pengaturan) ada di %LOCALAPPDATA%\Sekretariat dan tidak diubah oleh pemasangan atau pembaruan."
LangString FINISH_TEXT ${LANG_ENGLISH} "Sekretariat ${VERSION} is installed for all users of this computer. Open it from the Start menu or the Sekretariat icon on the desktop.$\r$\n$\r$\nEach user's data (database, backups, settings) is in %LOCALAPPDATA%\Sekretariat and is left untouched by installs and upgrades."
LangString UN_CONFIRM_TEXT ${LANG_INDONESIAN} "Program Sekretariat akan dihapus dari komputer ini. Data pengguna di %LOCALAPPDATA%\Sekretariat (basis data dan cadangan) tidak ikut dihapus."
LangString UN_CONFIRM_TEXT ${LANG_ENGLISH} "The Sekretariat program will be removed from this computer. The users' data in %LOCALAPPDATA%\Sekretariat (databases and backups) is not removed."
LangString UN_FINISH_TEXT ${LANG_INDONESIAN} "Program Sekretariat sudah dihapus.$\r$\n$\r$\nData tetap tersimpan di %LOCALAPPDATA%\Sekretariat pada setiap akun Windows yang pernah memakainya, termasuk cadangannya. Memasang Sekretariat lagi akan membuka data itu kembali. Hapus folder itu sendiri hanya bila datanya memang tidak diperlukan lagi."
LangString UN_FINISH_TEXT ${LANG_ENGLISH} "The Sekretariat program has been removed.$\r$\n$\r$\nThe data stays in %LOCALAPPDATA%\Sekretariat of every Windows account that used it, backups included. Installing Sekretariat again opens that data again. Delete that folder yourself only if the data is really no longer needed."
LangString MSG_NEEDS_X64 ${LANG_INDONESIAN} "Sekretariat memerlukan Windows 64-bit."
LangString MSG_NEEDS_X64 ${LANG_ENGLISH} "Sekretariat needs 64-bit Windows."
LangString MSG_NEEDS_ADMIN ${LANG_INDONESIAN} "Pemasangan untuk semua pengguna memerlukan hak administrator. Jalankan pemasang dengan $\"Run as administrator$\"."
LangString MSG_NEEDS_ADMIN ${LANG_ENGLISH} "Installing for all users needs administrator rights. Start the installer with $\"Run as administrator$\"."
LangString MSG_APP_RUNNING ${LANG_INDONESIAN} "Sekretariat masih terbuka. Tutup aplikasi di semua akun yang sedang masuk, lalu klik Retry."
LangString MSG_APP_RUNNING ${LANG_ENGLISH} "Sekretariat is still open. Close it in every signed-in account, then click Retry."
LangString MSG_REMOVING_OLD ${LANG_INDONESIAN} "Menghapus berkas program versi sebelumnya (data pengguna tidak disentuh)"
LangString MSG_REMOVING_OLD ${LANG_ENGLISH} "Removing the previous version's program files (users' data is not touched)"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileDescription" "Pemasang ${APP} ${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "LegalCopyright" "GPL-3.0-or-later"

; Both the installer and the uninstaller check the same things: an administrator on 64-bit Windows, and no
; running copy holding the program files open.
!macro CHECKS un
  Function ${un}RefuseUnsuitableMachine
    ${IfNot} ${RunningX64}
      MessageBox MB_ICONSTOP|MB_OK "$(MSG_NEEDS_X64)" /SD IDOK
      Abort
    ${EndIf}
    UserInfo::GetAccountType
    Pop $0
    ${If} $0 != "admin"
      MessageBox MB_ICONSTOP|MB_OK "$(MSG_NEEDS_ADMIN)" /SD IDOK
      SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED, for scripted installs
      Quit
    ${EndIf}
    ; The bundle is 64-bit: its uninstall entry belongs in the 64-bit registry, not under WOW6432Node.
    SetRegView 64
  FunctionEnd

  Function ${un}WaitUntilAppClosed
    ; Windows keeps a running program's .exe locked: opening it for appending fails while any user runs it.
    ${DoWhile} ${FileExists} "$INSTDIR\${EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${EXE}" a
      ${IfNot} ${Errors}
        FileClose $0
        ${Break}
      ${EndIf}
      ; Retry jumps over the Abort, back to the top of the loop.
      MessageBox MB_ICONEXCLAMATION|MB_RETRYCANCEL "$(MSG_APP_RUNNING)" /SD IDCANCEL IDRETRY +2
      Abort
    ${Loop}
  FunctionEnd
!macroend
!insertmacro CHECKS ""
!insertmacro CHECKS "un."

Function .onInit
  Call RefuseUnsuitableMachine
  ; An upgrade goes where the previous version is, unless /D= asked for another folder.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $INSTDIR == "$PROGRAMFILES64\${APP}"
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

; Upgrade: the old program files go first, so no module or DLL of the previous version lingers beside the new
; ones. The old uninstaller runs silently in place (_?= keeps it from copying itself away and leaves the folder);
; it removes only the program, which is what we want here too.
Function RemovePreviousVersion
  ReadRegStr $1 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $1 != ""
  ${AndIf} ${FileExists} "$1\${UNINSTALLER}"
    DetailPrint "$(MSG_REMOVING_OLD): $1"
    ExecWait '"$1\${UNINSTALLER}" /S _?=$1' $2
    DetailPrint "${UNINSTALLER}: $2"
    Delete "$1\${UNINSTALLER}"
    RMDir "$1"
  ${EndIf}
  ; A previous copy without a working uninstaller: remove the bundle's own items by name, nothing else.
  Delete "$INSTDIR\${EXE}"
  RMDir /r "$INSTDIR\_internal"
FunctionEnd

Section "Sekretariat" SecMain
  SectionIn RO
  SetShellVarContext all
  Call WaitUntilAppClosed
  Call RemovePreviousVersion

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  File "/oname=sekretariat.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  ; Shortcuts start in the program folder; the app itself finds each user's data folder.
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\sekretariat.ico" 0
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\sekretariat.ico" 0

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\sekretariat.ico"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  Call un.RefuseUnsuitableMachine
FunctionEnd

; Only what the installer made: the bundle's items by name (never RMDir /r on $INSTDIR itself, which /D= may
; have pointed at a shared folder), the shortcuts and the registry key. %LOCALAPPDATA%\Sekretariat stays.
Section "Uninstall"
  SetShellVarContext all
  Call un.WaitUntilAppClosed
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\sekretariat.ico"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd
