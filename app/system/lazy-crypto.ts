/**
 * node:crypto, loaded on first use rather than at import: compiling Node's crypto module costs a
 * CLI start ~7 % of a bare `node -e 0`, and `scan` imports the modules that hash and name temp files
 * (atomic-file.ts, the run journal) without writing or verifying anything when there is no run.
 * process.getBuiltinModule: Node ≥ 20.16 / 22.3 (package.json engines: ≥ 20.19; Electron 39 ships 22).
 */
export const nodeCrypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');
