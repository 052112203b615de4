import { config } from 'zod';

/**
 * zod as every schema of the app uses it: with `jitless`. By default zod compiles a fast parser
 * for each object schema the first time it parses one (generated source, `new Function`); the CLI
 * parses a policy, a capture's metadata and a handful of profiles, registry views and events once
 * each per run, so there is nothing for the compiled parsers to win back (issue 16.2), and a renderer
 * under a Content-Security-Policy without 'unsafe-eval' cannot use them anyway. Validation
 * is the same either way; only the generated fast path is skipped.
 *
 * zod reads the setting when a schema is built, so every schema module imports `z` from here:
 * this module is then evaluated, and the setting made, before any of them.
 *
 * Re-exported name by name (`export *`), and imported as `import * as z from './zod'`: a bundler
 * then keeps only the zod members the app calls. Re-exporting zod's own `z` namespace object made
 * esbuild keep all of it (JSON Schema conversion, every check and format) in the CLI's start-up
 * chunk: 297 KB of source compiled and evaluated by every `scan`.
 */
config({ jitless: true });

export * from 'zod';
