@echo off
rem TunnelMedic command-line shim, installed beside TunnelMedic.exe (electron-builder.yml extraFiles).
rem TunnelMedic.exe is a Windows GUI program: cmd.exe and scripts do not wait for it, and
rem %ERRORLEVEL% would be 0 at once. "start /wait" waits for it to end and sets ERRORLEVEL to its
rem exit code: 0 healthy, 1 findings remain, 2 fix rolled back, 3 rollback failed, 4 bad input,
rem 5 collection failed. Usage: tunnelmedic [--policy FILE] [--out FILE] [--capture DIR ^| --demo]
setlocal
start "" /wait "%~dp0TunnelMedic.exe" --silent %*
exit /b %ERRORLEVEL%
