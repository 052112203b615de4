/*
 * Test stand-in launcher for the Wine script tests (not shipped): a console program that runs
 * "cmd.exe /d /c <its own path, .exe replaced by .cmd> <its own arguments>", waits for it and exits
 * with its exit code, so a batch stand-in can sit at the exact path of route.exe, nbtstat.exe or
 * powershell.exe. Built by test/wine/standins.ts with gcc and GNU ld's PE emulation (i386pep),
 * linked against the Wine prefix's own kernel32.dll: no MinGW needed.
 */
typedef unsigned short wchar;
typedef struct { unsigned cb; void *r1; wchar *desktop, *title; unsigned x, y, w, h, cx, cy, fill, flags; unsigned short show, r2; void *r3, *in, *out, *err; } STARTUPINFOW;
typedef struct { void *process, *thread; unsigned pid, tid; } PROCESS_INFORMATION;
#define WINAPI __attribute__((ms_abi))
extern WINAPI wchar *GetCommandLineW(void);
extern WINAPI unsigned GetModuleFileNameW(void *module, wchar *name, unsigned size);
extern WINAPI void ExitProcess(unsigned code);
extern WINAPI int CreateProcessW(const wchar *app, wchar *cmd, void *pa, void *ta, int inherit, unsigned flags, void *env, const wchar *dir, STARTUPINFOW *si, PROCESS_INFORMATION *pi);
extern WINAPI unsigned WaitForSingleObject(void *h, unsigned ms);
extern WINAPI int GetExitCodeProcess(void *h, unsigned *code);

static wchar self[1024];
static wchar line[40000];
static STARTUPINFOW si;
static PROCESS_INFORMATION pi;

WINAPI void start(void) {
  unsigned n = GetModuleFileNameW(0, self, 1000);
  if (n < 4) ExitProcess(9009);
  self[n - 3] = 'c'; self[n - 2] = 'm'; self[n - 1] = 'd';
  wchar *cl = GetCommandLineW();
  if (*cl == '"') { cl++; while (*cl && *cl != '"') cl++; if (*cl) cl++; }
  else { while (*cl && *cl != ' ' && *cl != '\t') cl++; }
  static const char prefix[] = "cmd.exe /d /c ";
  unsigned i = 0;
  for (unsigned j = 0; prefix[j]; j++) line[i++] = (wchar)prefix[j];
  for (unsigned j = 0; j < n; j++) line[i++] = self[j];
  while (*cl && i < 39990) line[i++] = *cl++;
  line[i] = 0;
  si.cb = sizeof si;
  if (!CreateProcessW(0, line, 0, 0, 1, 0, 0, 0, &si, &pi)) ExitProcess(9009);
  WaitForSingleObject(pi.process, 0xffffffff);
  unsigned code = 1;
  GetExitCodeProcess(pi.process, &code);
  ExitProcess(code);
}
