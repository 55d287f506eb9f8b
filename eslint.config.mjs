// Type-checked lint. The pure core (menus/, the USSD engine, parsers, numbers) may not import IO
// modules or read the clock or randomness: those come in as arguments.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const pureCore = [
  'menus/**/*.ts',
  'src/ussd/engine.ts',
  'src/ussd/render.ts',
  'src/ussd/views.ts',
  'src/ussd/validators.ts',
  'src/ussd/lookups.ts',
  'src/ussd/types.ts',
  'src/ussd/text.ts',
  'src/complaints/numbers.ts',
  'src/sms/gsm7.ts',
  'src/phone.ts',
  'src/staff/commands-parse.ts',
  'src/staff/commands-format.ts',
  'src/sms/citizen-parse.ts',
  'src/sms/inbound-text.ts',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'db/migrations/', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: pureCore,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http'], message: 'Pure core: no IO imports.' },
            {
              group: [
                'express',
                'better-sqlite3',
                'drizzle-orm',
                'drizzle-orm/*',
                'africastalking',
                'pino',
              ],
              message: 'Pure core: no adapters.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure core: time comes in as an argument.' },
        {
          object: 'Math',
          property: 'random',
          message: 'Pure core: randomness comes in as an argument.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'Pure core: no clock.',
        },
      ],
    },
  },
  {
    files: ['menus/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression',
          message: 'Menus are data: no functions.',
        },
      ],
    },
  },
  prettier,
);
