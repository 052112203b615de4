import { z } from 'zod';

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
 */
z.config({ jitless: true });

export { z };
