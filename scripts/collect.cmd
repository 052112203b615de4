@echo off
rem TunnelMedic legacy collector for Windows NT 4.0, 2000, XP and later (cmd.exe only, no PowerShell).
rem Writes the capture layout of DESIGN.md into OUTDIR; read it elsewhere with
rem   tunnelmedic scan --capture OUTDIR
rem Every command is optional: what could not be collected is listed in not-collected.txt,
rem and the script carries on (a missing route.exe or wevtutil.exe must not lose the rest).
rem Usage: collect.cmd [OUTDIR]    (default: tunnelmedic-capture in the current directory)
setlocal
set "OUT=%~1"
if "%OUT%"=="" set "OUT=tunnelmedic-capture"
if not exist "%OUT%\." mkdir "%OUT%"
if not exist "%OUT%\." (
  echo collect.cmd: cannot create "%OUT%"
  exit /b 1
)
if not exist "%OUT%\registry\." mkdir "%OUT%\registry"
if not exist "%OUT%\pbk\." mkdir "%OUT%\pbk"
set "NC=%OUT%\not-collected.txt"
type nul > "%NC%"
set "SYS=%SystemRoot%\System32"
rem a 32-bit cmd.exe on 64-bit Windows: the 64-bit tools (and through them the 64-bit registry view) are in Sysnative
if defined PROCESSOR_ARCHITEW6432 if exist "%SystemRoot%\Sysnative\reg.exe" set "SYS=%SystemRoot%\Sysnative"

rem --- code page: the last word of chcp's (localised) line, e.g. "850" or "850." ---
set "CPN="
if exist "%SYS%\chcp.com" for /f "tokens=*" %%c in ('chcp') do set "CHCP=%%c"
if defined CHCP for %%w in (%CHCP%) do set "CPN=%%w"
if defined CPN set "CPN=%CPN:.=%"
set "CPJSON="
set "CPV=0"
rem non-numeric words count as 0 in SET /A; Wine's chcp prints 0: leave the code page out then
if defined CPN set /a CPV=CPN 2>nul
if %CPV% GTR 0 set "CPJSON=,"codepage":%CPV%"
> "%OUT%\capture.json" echo {"schemaVersion":1,"tool":"scripts/collect.cmd","hostname":"%COMPUTERNAME%"%CPJSON%,"collectedAtLocal":"%DATE% %TIME%"}

rem --- ver is built into cmd.exe: always there ---
ver > "%OUT%\ver.txt"

call :tool systeminfo.exe systeminfo.txt systeminfo
call :tool route.exe route-print.txt route print
call :tool ipconfig.exe ipconfig-all.txt ipconfig /all
call :tool netsh.exe netsh-interfaces.txt netsh interface ipv4 show interfaces
if exist "%SYS%\wevtutil.exe" (
  wevtutil qe Application /q:"*[System[Provider[@Name='RasClient']]]" /f:text /rd:true /c:50 > "%OUT%\rasclient-events.txt" 2>nul
  call :nonempty rasclient-events.txt "wevtutil qe Application (RasClient)"
) else (
  >> "%NC%" echo rasclient-events.txt: wevtutil.exe not found ^(Windows XP and older keep no RasClient channel^)
)

rem --- registry: reg.exe (XP+, NT4/2000 resource kit), else regedit /e exports ---
call :key rasman-parameters "HKLM\SYSTEM\CurrentControlSet\Services\RasMan\Parameters" "HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\RasMan\Parameters"
call :key winlogon "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon" "HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon"
call :key windows-nt-currentversion "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" "HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
call :key netbt-parameters "HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters" "HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\NetBT\Parameters"
call :key lsa "HKLM\SYSTEM\CurrentControlSet\Control\Lsa" "HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa"
call :key remoteaccess "HKLM\SYSTEM\CurrentControlSet\Services\RemoteAccess" "HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\RemoteAccess"

rem --- files ---
call :copy "%SYS%\drivers\etc\lmhosts" lmhosts
call :copy "%APPDATA%\Microsoft\Network\Connections\Pbk\rasphone.pbk" pbk\user.pbk
call :copy "%ProgramData%\Microsoft\Network\Connections\Pbk\rasphone.pbk" pbk\all-users.pbk
if not defined ProgramData call :copy "%ALLUSERSPROFILE%\Application Data\Microsoft\Network\Connections\Pbk\rasphone.pbk" pbk\all-users-xp.pbk
call :copy "%SYS%\ras\rasphone.pbk" pbk\system32-ras.pbk

rem --- file versions: wmic (XP+); NT 4.0/2000 have no built-in version tool ---
type nul > "%OUT%\file-versions.txt"
if exist "%SYS%\wbem\wmic.exe" (
  call :version "%SYS%\rasapi32.dll"
  call :version "%SYS%\rasppp.dll"
  call :version "%SYS%\drivers\raspptp.sys"
  call :version "%SYS%\drivers\ndiswan.sys"
) else (
  >> "%NC%" echo file-versions.txt: wmic.exe not found ^(no built-in file version tool on NT 4.0/2000^)
)
call :nonempty file-versions.txt "wmic datafile get Version"

echo Capture written to %OUT%
if exist "%NC%" type "%NC%"
endlocal
exit /b 0

rem :tool EXE FILE COMMAND... - runs COMMAND when System32\EXE exists, output to FILE
:tool
set "TM_EXE=%~1"
set "TM_FILE=%~2"
if not exist "%SYS%\%TM_EXE%" (
  >> "%NC%" echo %TM_FILE%: %TM_EXE% not found
  goto :eof
)
shift
shift
rem cmd's SHIFT does not change %%*: pass the command words explicitly (at most 6 here); full path, not PATH
"%SYS%\%TM_EXE%" %2 %3 %4 %5 %6 > "%OUT%\%TM_FILE%" 2>nul
rem a failing command (e.g. `netsh interface ipv4` on XP) prints its error text: not collected, not output
if errorlevel 1 goto :tool_failed
call :nonempty %TM_FILE% "%TM_EXE%"
goto :eof
:tool_failed
del "%OUT%\%TM_FILE%" >nul 2>&1
>> "%NC%" echo %TM_FILE%: %TM_EXE% failed; its error text was not kept
goto :eof

rem :nonempty FILE WHAT - a command that printed nothing collected nothing: say so, drop the file
:nonempty
set "TM_SIZE=0"
if exist "%OUT%\%~1" for %%s in ("%OUT%\%~1") do set "TM_SIZE=%%~zs"
if not "%TM_SIZE%"=="0" goto :eof
rem (no parenthesised block here: the message may hold a ")" that would end it)
if exist "%OUT%\%~1" del "%OUT%\%~1"
>> "%NC%" echo %~1: %~2 gave no output
goto :eof

rem :key NAME REGQUERYKEY REGEDITKEY
:key
if not exist "%SYS%\reg.exe" goto :key_regedit
"%SYS%\reg.exe" query "%~2" > "%OUT%\registry\%~1.txt" 2>nul
rem reg.exe exits 1 when the key does not exist (some builds print the error on stdout)
if errorlevel 1 goto :key_absent
call :nonempty registry\%~1.txt "reg query %~2"
goto :eof
:key_absent
if exist "%OUT%\registry\%~1.txt" del "%OUT%\registry\%~1.txt"
>> "%NC%" echo registry\%~1.txt: reg query %~2 - key not present
goto :eof
:key_regedit
if not exist "%SystemRoot%\regedit.exe" goto :key_none
start /wait regedit /e "%OUT%\registry\%~1.reg" "%~3"
call :nonempty registry\%~1.reg "regedit /e %~3"
goto :eof
:key_none
>> "%NC%" echo registry\%~1: neither reg.exe nor regedit.exe found
goto :eof

rem :copy SOURCE TARGET
:copy
if exist "%~1" (
  copy /y "%~1" "%OUT%\%~2" > nul
) else (
  >> "%NC%" echo %~2: %~1 not found
)
goto :eof

rem :version PATH - one "PATH<TAB>VERSION" line; wmic wants the backslashes doubled
:version
set "TM_P=%~1"
if not exist "%TM_P%" goto :eof
set "TM_Q=%TM_P:\=\\%"
for /f "tokens=2 delims==" %%v in ('wmic datafile where "name='%TM_Q%'" get Version /value 2^>nul') do >> "%OUT%\file-versions.txt" echo %TM_P%	%%v
goto :eof
