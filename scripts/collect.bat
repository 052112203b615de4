@echo off
rem TunnelMedic collector for Windows 95/98/Me (COMMAND.COM: no SETLOCAL, no FOR /F, no 2>).
rem Writes the capture layout of DESIGN.md into OUTDIR; read it elsewhere with
rem   tunnelmedic scan --capture OUTDIR
rem Each tool is looked for before it runs (COMMAND.COM prints "Bad command or file name" on
rem stdout, in the local language, into the redirected file); what is missing goes to
rem not-collected.txt and the script carries on.
rem Usage: collect.bat OUTDIR   (e.g. collect.bat A:\CAPTURE)
if "%1"=="" goto usage
set TMOUT=%1
if not exist %TMOUT%\NUL md %TMOUT%
if not exist %TMOUT%\registry\NUL md %TMOUT%\registry
if not exist %TMOUT%\pbk\NUL md %TMOUT%\pbk
set TMNC=%TMOUT%\not-collected.txt
echo # what collect.bat could not collect> %TMNC%
echo {"schemaVersion":1,"tool":"scripts/collect.bat"}> %TMOUT%\capture.json

ver > %TMOUT%\ver.txt

if exist %windir%\ROUTE.EXE route print > %TMOUT%\route-print.txt
if not exist %windir%\ROUTE.EXE echo route-print.txt: ROUTE.EXE not found>> %TMNC%

rem Windows 98/Me have IPCONFIG; Windows 95 only WINIPCFG, whose /batch text is a different layout
if exist %windir%\IPCONFIG.EXE ipconfig /all > %TMOUT%\ipconfig-all.txt
if not exist %windir%\IPCONFIG.EXE echo ipconfig-all.txt: IPCONFIG.EXE not found, Windows 95 has only WINIPCFG>> %TMNC%
if not exist %windir%\IPCONFIG.EXE if exist %windir%\WINIPCFG.EXE winipcfg /all /batch %TMOUT%\winipcfg.txt

echo netsh-interfaces.txt: no netsh on Windows 9x>> %TMNC%
echo rasclient-events.txt: no event log on Windows 9x>> %TMNC%
echo systeminfo.txt: no systeminfo on Windows 9x>> %TMNC%

rem Registry: REGEDIT /E writes REGEDIT4 text (ANSI). DUN connections live in the user's
rem RemoteAccess key, not in a phonebook file.
if not exist %windir%\REGEDIT.EXE echo registry: REGEDIT.EXE not found>> %TMNC%
if not exist %windir%\REGEDIT.EXE goto files
regedit /e %TMOUT%\registry\remoteaccess.reg HKEY_LOCAL_MACHINE\System\CurrentControlSet\Services\RemoteAccess
regedit /e %TMOUT%\registry\user-remoteaccess.reg HKEY_CURRENT_USER\RemoteAccess
regedit /e %TMOUT%\registry\mstcp.reg HKEY_LOCAL_MACHINE\System\CurrentControlSet\Services\VxD\MSTCP
regedit /e %TMOUT%\registry\network-logon.reg HKEY_LOCAL_MACHINE\Network\Logon
regedit /e %TMOUT%\registry\windows-currentversion.reg "HKEY_LOCAL_MACHINE\Software\Microsoft\Windows\CurrentVersion"

:files
if exist %windir%\LMHOSTS copy %windir%\LMHOSTS %TMOUT%\lmhosts > NUL
if not exist %windir%\LMHOSTS echo lmhosts: %windir%\LMHOSTS not found>> %TMNC%
if exist %windir%\rasphone.pbk copy %windir%\rasphone.pbk %TMOUT%\pbk\rasphone.pbk > NUL

rem No built-in version tool on 9x. FILEVER.EXE (support tools) prints the version when present;
rem otherwise the DIR line (size and date identify the DUN release) is kept for a person to read.
if exist %windir%\FILEVER.EXE filever %windir%\SYSTEM\RASAPI32.DLL > %TMOUT%\filever.txt
if not exist %windir%\FILEVER.EXE echo file-versions.txt: no version tool FILEVER.EXE on this PC, see rasapi32-dir.txt>> %TMNC%
if exist %windir%\SYSTEM\RASAPI32.DLL dir %windir%\SYSTEM\RASAPI32.DLL > %TMOUT%\rasapi32-dir.txt

echo Capture written to %TMOUT%
type %TMNC%
set TMOUT=
set TMNC=
goto end

:usage
echo Usage: collect.bat OUTDIR
:end
