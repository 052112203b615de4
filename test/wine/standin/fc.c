/*
 * Test stand-in for fc.exe in the Wine script tests (not shipped). Wine's own fc.exe is a stub that
 * exits 0 for any two files, so the generated scripts' "changed since it was reviewed" check
 * (`fc /b LIVE REVIEWED`) could never refuse under Wine. This one compares the two files byte by
 * byte and exits as Windows' fc does:
 *   0 identical, 1 different, 2 an error (a file that cannot be opened or read)
 *     (learn.microsoft.com/windows-server/administration/windows-commands/fc, "Exit codes";
 *     that a missing file is such an error: ss64.com/nt/fc.html, "2 Cannot find at least one of
 *     the files"),
 *   -1 invalid syntax, e.g. only one file passed (ss64.com/nt/fc.html).
 * Only the binary comparison the scripts use is implemented: without /B it refuses (exit 2,
 * assumed; a test stand-in should fail loudly rather than guess text-mode semantics). It prints
 * nothing the scripts read (they send fc's words to nul and judge by the exit code).
 * Built like launcher.c by test/wine/standins.ts (gcc + GNU ld's i386pep, against the prefix's
 * kernel32.dll; no C library).
 */
typedef unsigned short wchar;
#define WINAPI __attribute__((ms_abi))
extern WINAPI wchar *GetCommandLineW(void);
extern WINAPI void ExitProcess(unsigned code);
extern WINAPI void *CreateFileW(const wchar *name, unsigned access, unsigned share, void *sa, unsigned disposition, unsigned flags, void *tmpl);
extern WINAPI int ReadFile(void *h, void *buf, unsigned n, unsigned *read, void *overlapped);
extern WINAPI int CloseHandle(void *h);
extern WINAPI void *GetStdHandle(unsigned which);
extern WINAPI int WriteFile(void *h, const void *buf, unsigned n, unsigned *written, void *overlapped);

#define GENERIC_READ 0x80000000u
#define FILE_SHARE_READ_WRITE_DELETE 7u
#define OPEN_EXISTING 3u
#define INVALID_HANDLE ((void *)(long long)-1)
#define STD_OUTPUT (unsigned)-11
#define STD_ERROR (unsigned)-12

static wchar args[4][2048];
static unsigned char buf1[65536], buf2[65536];

static unsigned len(const char *s) { unsigned n = 0; while (s[n]) n++; return n; }
static void say(unsigned which, const char *text) {
  unsigned w;
  WriteFile(GetStdHandle(which), text, len(text), &w, 0);
}

/* Splits the command line after the program name (quotes group, and are dropped, as for argv). */
static unsigned split(wchar *cl) {
  if (*cl == '"') { cl++; while (*cl && *cl != '"') cl++; if (*cl) cl++; }
  else { while (*cl && *cl != ' ' && *cl != '\t') cl++; }
  unsigned n = 0;
  for (;;) {
    while (*cl == ' ' || *cl == '\t') cl++;
    if (!*cl) return n;
    if (n == 4) return 5;
    unsigned i = 0;
    int quoted = 0;
    while (*cl && (quoted || (*cl != ' ' && *cl != '\t'))) {
      if (*cl == '"') quoted = !quoted;
      else if (i < 2047) args[n][i++] = *cl;
      cl++;
    }
    args[n][i] = 0;
    n++;
  }
}

/* Fills buf with up to size bytes (a short count only at the end of the file); -1 on an error. */
static int fill(void *h, unsigned char *buf, unsigned size) {
  unsigned got = 0;
  while (got < size) {
    unsigned n = 0;
    if (!ReadFile(h, buf + got, size - got, &n, 0)) return -1;
    if (n == 0) break;
    got += n;
  }
  return (int)got;
}

WINAPI void start(void) {
#ifdef FC_CANNOT_COMPARE
  /* the variant for "fc could not compare at all" (standins.ts fcCannotCompareStandIn) */
  say(STD_ERROR, "FC: Invalid syntax (stand-in that cannot compare)\r\n");
  ExitProcess((unsigned)-1);
#endif
  unsigned n = split(GetCommandLineW());
  int binary = 0;
  unsigned files[2], nfiles = 0;
  for (unsigned i = 0; i < n && i < 4; i++) {
    if (args[i][0] == '/') {
      if ((args[i][1] == 'b' || args[i][1] == 'B') && args[i][2] == 0) { binary = 1; continue; }
      say(STD_ERROR, "FC (stand-in): only /B is implemented\r\n");
      ExitProcess(2);
    }
    if (nfiles == 2) { say(STD_ERROR, "FC: Too many filenames\r\n"); ExitProcess((unsigned)-1); }
    files[nfiles++] = i;
  }
  if (n > 4 || nfiles < 2) { say(STD_ERROR, "FC: Insufficient number of file specifications\r\n"); ExitProcess((unsigned)-1); }
  if (!binary) { say(STD_ERROR, "FC (stand-in): only /B is implemented\r\n"); ExitProcess(2); }
  void *a = CreateFileW(args[files[0]], GENERIC_READ, FILE_SHARE_READ_WRITE_DELETE, 0, OPEN_EXISTING, 0, 0);
  void *b = CreateFileW(args[files[1]], GENERIC_READ, FILE_SHARE_READ_WRITE_DELETE, 0, OPEN_EXISTING, 0, 0);
  if (a == INVALID_HANDLE || b == INVALID_HANDLE) {
    say(STD_ERROR, "FC: cannot open a file - No such file or folder\r\n");
    ExitProcess(2);
  }
  for (;;) {
    int na = fill(a, buf1, sizeof buf1);
    int nb = fill(b, buf2, sizeof buf2);
    if (na < 0 || nb < 0) { say(STD_ERROR, "FC: cannot read a file\r\n"); ExitProcess(2); }
    if (na != nb) { say(STD_OUTPUT, "FC: the files are of different sizes\r\n"); ExitProcess(1); }
    for (int i = 0; i < na; i++)
      if (buf1[i] != buf2[i]) { say(STD_OUTPUT, "FC: the files differ\r\n"); ExitProcess(1); }
    if (na == 0) break;
  }
  CloseHandle(a);
  CloseHandle(b);
  say(STD_OUTPUT, "FC: no differences encountered\r\n");
  ExitProcess(0);
}
