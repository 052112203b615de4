// ESLint (flat config): typescript-eslint's recommended rules and React's hook rules over the code
// that ships and the code that tests it. `npm run lint`; `npm test` runs it after the type check.
// Types are tsc's job (`npm run typecheck`), so the rules here are the syntactic ones: no type-aware
// linting, which would double the check's time on this 2-core machine for little the compiler misses.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'bin/**', '**/*.d.mts', 'app/shared/schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a value left unused on purpose (a destructured field dropped, a callback's position)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // `cond ? a() : b()` and `x && y()` as statements are this code base's style for two-way counters and guards
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // the parsers match control characters on purpose: NUL-padded registry dumps, ESC in pasted
      // terminal output, UTF-16 read as bytes, rsyslog's #011 tabs left raw, binary dropped by mistake
      'no-control-regex': 'off',
    },
  },
  {
    // the CommonJS launcher (bin/tunnelmedic.cjs's source): require is its only way to load
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'e2e/**/*.{ts,tsx}', 'bench/paint*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
