; Inno Setup script: a Chinese installer for the one-folder bundle in dist\jzdesk\.
; Built by installer\build-windows.ps1 (which passes /DAppVersion=<package version>).
; The data lives in the user's folder (%LOCALAPPDATA%\jzdesk), not in {app}: uninstalling
; removes the program and keeps every record and backup.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6A1F2C1E-6B55-4F0B-9C1A-7E6B1D2A9F31}
AppName=“五送”文化活动进基层统计（jzdesk）
AppVersion={#AppVersion}
AppPublisher=焦作市总工会
DefaultDirName={autopf}\jzdesk
DefaultGroupName=jzdesk
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=jzdesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\jzdesk.ico
UninstallDisplayIcon={app}\jzdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

; Inno Setup 7.0.2+ ships Chinese messages; no 6.x release does, so a copy of the 6.4
; translation lies beside this script (see ChineseSimplified.isl's header and licence note).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#else
  #define ChineseMessages "ChineseSimplified.isl"
#endif

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"

[Tasks]
Name: "desktopicon"; Description: "在桌面上创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "..\dist\jzdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\“五送”文化活动进基层统计"; Filename: "{app}\jzdesk.exe"
Name: "{group}\jzdesk 使用说明（PDF）"; Filename: "{app}\jzdesk-guide.pdf"
Name: "{group}\卸载 jzdesk"; Filename: "{uninstallexe}"
Name: "{autodesktop}\“五送”文化活动统计"; Filename: "{app}\jzdesk.exe"; Tasks: desktopicon

[Registry]
; Double-clicking a .jzsub submission file imports it in jzdesk (in the open window if any).
Root: HKA; Subkey: "Software\Classes\.jzsub"; ValueType: string; ValueName: ""; ValueData: "jzdesk.submission"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\jzdesk.submission"; ValueType: string; ValueName: ""; ValueData: "jzdesk 上报文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\jzdesk.submission\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\jzdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\jzdesk.submission\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\jzdesk.exe"" ""%1"""
; A .jzreply (the city's review reply) likewise, at a unit.
Root: HKA; Subkey: "Software\Classes\.jzreply"; ValueType: string; ValueName: ""; ValueData: "jzdesk.reply"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\jzdesk.reply"; ValueType: string; ValueName: ""; ValueData: "jzdesk 审核回复"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\jzdesk.reply\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\jzdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\jzdesk.reply\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\jzdesk.exe"" ""%1"""

[Run]
Filename: "{app}\jzdesk.exe"; Description: "现在运行 jzdesk"; Flags: nowait postinstall skipifsilent
