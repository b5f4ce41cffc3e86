; Inno Setup script: the Chinese-language Windows installer for 三理室调解台.
;
; Build the bundle first (build.spec, on Windows), then compile this file with Inno Setup 6.5 or newer,
; which ships the Simplified Chinese messages (Languages\ChineseSimplified.isl):
;   python -m PyInstaller --noconfirm build.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" bundling\windows\xinye-desktop.iss
; The installer is written to dist\xinye-desktop-<version>-setup.exe.
;
; What it does, and why:
; - Installs for all users (Program Files) or only for the current one (%LOCALAPPDATA%\Programs): the
;   user chooses at the start; administrators can preselect with /ALLUSERS or /CURRENTUSER.
; - Upgrades in place: the same AppId finds the previous installation and reuses its folder and mode.
;   The old _internal folder is removed first, so no file of the previous version (an old database
;   revision, a library) lingers beside the new ones.
; - Never touches the data: the app keeps its database, documents and backups in the per-user data
;   folder %LOCALAPPDATA%\xinye\xinye-desktop (platformdirs), outside the install folder. The uninstaller
;   asks whether to delete that folder, default No, and asks twice; a silent uninstall keeps it unless
;   /DELETEDATA is given.
; - Installing an older version over a newer one asks first; a silent install (/SILENT, /VERYSILENT)
;   refuses, without a question that would block it, unless /ALLOWDOWNGRADE is given: the older app
;   cannot open a database the newer one has upgraded.
; - The version comes from the built program's version resource, which build.spec writes from
;   xinye_desktop.__version__: there is no second place to update.

#define AppName "三理室调解台"
#define AppExeName "xinye-desktop.exe"
; A fixed GUID: it identifies the app across versions (upgrades, the uninstall entry). Never change it.
#define AppGuid "5692BD2C-4341-4DB7-99BB-D132AD187E46"
#define AppPublisher "新野县矛盾化解“三理”室"
; The app's data folder below %LOCALAPPDATA%: platformdirs.user_data_dir(APP_NAME, APP_AUTHOR).
#define DataSubfolder "xinye\xinye-desktop"

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\xinye-desktop"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#define AppExe AddBackslash(BundleDir) + AppExeName
#if !FileExists(AppExe)
  #error "没有找到 dist\xinye-desktop\xinye-desktop.exe：先用 PyInstaller 构建（python -m PyInstaller --noconfirm build.spec）"
#endif
; Str() turns a missing value (void) into "".
#define AppVersion Str(GetStringFileInfo(AppExe, "ProductVersion"))
#define AppVersionNumbers Str(GetVersionNumbersString(AppExe))
#if AppVersion == "" || AppVersionNumbers == ""
  #error "xinye-desktop.exe 没有版本信息：build.spec 在 Windows 上会写入，检查构建日志"
#endif
#define ChineseMessages AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
#if !FileExists(ChineseMessages)
  #error "这个 Inno Setup 没有简体中文语言文件（Languages\ChineseSimplified.isl）：请安装 Inno Setup 6.5 或更新版本"
#endif

[Setup]
AppId={{{#AppGuid}}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
AppComments=人民调解案件管理：受理登记、明白人选择、法理情调解、调解协议
; ASCII folder name: the program's own paths stay plain for every library it loads.
DefaultDirName={autopf}\XinyeDesktop
DisableProgramGroupPage=yes
; All users by default (office PCs); the dialog lets a user without administrator rights install for
; themselves. An upgrade keeps the mode of the previous installation (UsePreviousPrivileges, default yes).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
UsePreviousAppDir=yes
; Python 3.11 and Qt 6 are 64-bit and need Windows 10 or newer.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running copy holds the program's files: offer to close it (Windows Restart Manager), never restart it.
CloseApplications=yes
RestartApplications=no
WizardStyle=modern
ShowLanguageDialog=no
SetupIconFile={#AddBackslash(SourcePath)}..\..\resources\icons\xinye-desktop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
OutputDir={#OutputDir}
OutputBaseFilename=xinye-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"

[CustomMessages]
AskDeleteData=是否同时删除本机的案件数据？%n%n数据文件夹：%1%n%n其中有数据库、打印存档的文书和备份。选“否”保留（推荐）：以后重新安装，会继续使用这些数据。
ConfirmDeleteData=删除后无法恢复。确定要删除 %1 及其中的全部案件数据吗？
DeleteDataFailed=有些数据文件没能删除（可能正被占用）：%1%n%n可以稍后手动删除这个文件夹。
DowngradeWarning=这台电脑上已经安装了更新的版本 %1，现在要安装的是较旧的版本 %2。%n%n旧版本可能无法打开新版本保存的数据。确定继续吗？

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Upgrading: remove the previous version's libraries and data files before the new ones are copied.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "人民调解案件管理"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "人民调解案件管理"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything the program might have left beside its files (the data lives elsewhere, see [Code]).
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function DataFolder: String;
begin
  // In an administrative uninstall this is the folder of the account that approved the elevation; the
  // question below shows the path, so the user sees whose data it is.
  Result := ExpandConstant('{localappdata}\{#DataSubfolder}');
end;

function HasSwitch(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
    begin
      Result := True;
      Exit;
    end;
end;

function PackedVersion(Version: String; var Packed: Int64): Boolean;
var
  Dots, I: Integer;
begin
  // StrToVersion wants four parts; the app's versions have three ("0.5.0").
  Dots := 0;
  for I := 1 to Length(Version) do
    if Version[I] = '.' then
      Dots := Dots + 1;
  while Dots < 3 do
  begin
    Version := Version + '.0';
    Dots := Dots + 1;
  end;
  Result := StrToVersion(Version, Packed);
end;

function InstalledVersion: String;
var
  Key: String;
begin
  Key := 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{{#AppGuid}}_is1';
  if not RegQueryStringValue(HKEY_LOCAL_MACHINE, Key, 'DisplayVersion', Result) then
    if not RegQueryStringValue(HKEY_CURRENT_USER, Key, 'DisplayVersion', Result) then
      Result := '';
end;

function InitializeSetup: Boolean;
var
  Installed: String;
  Old, New: Int64;
begin
  Result := True;
  if HasSwitch('/ALLOWDOWNGRADE') then
    Exit;
  Installed := InstalledVersion;
  if (Installed <> '') and PackedVersion(Installed, Old) and PackedVersion('{#AppVersion}', New) and
     (ComparePackedVersion(Old, New) > 0) then
  begin
    if WizardSilent then
    begin
      Log(Format('Refusing to install %s over the newer %s (silent install without /ALLOWDOWNGRADE)',
                 ['{#AppVersion}', Installed]));
      Result := False;
    end
    else
      Result := MsgBox(FmtMessage(CustomMessage('DowngradeWarning'), [Installed, '{#AppVersion}']),
                       mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
  Delete: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := DataFolder;
  if not DirExists(Folder) then
    Exit;
  if HasSwitch('/DELETEDATA') then
    Delete := True
  else if UninstallSilent then
    Delete := False
  else
    Delete := (MsgBox(FmtMessage(CustomMessage('AskDeleteData'), [Folder]), mbConfirmation,
                      MB_YESNO or MB_DEFBUTTON2) = IDYES) and
              (MsgBox(FmtMessage(CustomMessage('ConfirmDeleteData'), [Folder]), mbError,
                      MB_YESNO or MB_DEFBUTTON2) = IDYES);
  if Delete and not DelTree(Folder, True, True, True) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [Folder]), mbError, MB_OK);
end;
