export const USAGE: Record<string, string> = {
  main: `tunnelmedic — diagnose and repair broken VPN routing on Windows

Usage: tunnelmedic <command> [options]

Commands:
  scan       find problems and explain them
  fix        show (--dry-run) or apply the fixes, with backup, verification and rollback
  rollback   undo an applied run (RUN_ID or --last)
  collect    save this machine's state as a capture directory (Windows)

INPUT (scan, fix):  --demo | --capture DIR   (default: this machine)
                    --policy FILE  --corp-net CIDR (repeatable)
Global: --lang en|nl  --json  --quiet  --verbose  --help  --version

Exit codes: 0 healthy or fixed · 1 problems remain · 2 a fix failed and was rolled back ·
            3 rollback failed (manual action, journal printed) · 4 usage or bad input ·
            5 live collection failed
Run \`tunnelmedic <command> --help\` for a command's options.
`,
  scan: `Usage: tunnelmedic scan [--demo | --capture DIR] [--policy FILE] [--corp-net CIDR]... [--json] [--out FILE] [--lang en|nl]

Reads the route table and interfaces (of this machine, the demo machine or a capture directory),
and reports what is wrong, with the evidence and which route wins for the Internet and for each
corporate network. --json prints the report JSON (DESIGN.md); --out FILE writes it to FILE.
`,
  fix: `Usage: tunnelmedic fix [--demo] [--policy FILE] [--corp-net CIDR]... [--only ID,...] [--dry-run] [--yes]

--dry-run   print each fix script followed by its rollback script; change nothing
--only ID   only these finding ids or fix ids (comma-separated)
--yes       apply without asking (in scripts: only fixes the policy's unattended.allow lists)
Without --yes a terminal asks before changing anything; a non-interactive run applies nothing
and exits 1. Every change is backed up, journaled, verified, and rolled back when it fails.
--capture DIR describes another machine: only --dry-run is possible for it.
`,
  rollback: `Usage: tunnelmedic rollback (RUN_ID | --last) [--demo]

Undoes an applied run from its journal, newest step first. Works after a crash or a reboot.
`,
  collect: `Usage: tunnelmedic collect --out DIR

Runs the capture commands on this Windows machine and writes them as a capture directory that
\`tunnelmedic scan --capture DIR\` (on any machine) reads.
`,
};
