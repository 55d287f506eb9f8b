// Type-checked lint, plus the structure of the code as rules rather than lists kept by hand:
// - the pure core is every file under a `core/` folder, `src/text/` and `menus/`: no IO, no
//   adapters, no clock, no randomness (they come in as arguments);
// - one direction of dependencies: words and time, then db, then data, then the domain, then
//   services, then channels, then the edges; a folder never imports a higher layer, and a
//   channel never reaches into another channel's folder;
// - no import cycle anywhere; drizzle-orm only in db/ and *repository.ts files; no UPDATE or
//   DELETE without a WHERE.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import drizzle from 'eslint-plugin-drizzle';

const pureCore = ['menus/**/*.ts', 'src/text/**/*.ts', 'src/*/core/**/*.ts', 'src/*/core/**/*.tsx'];

/**
 * The layers, bottom first. A folder may import its own layer's shared folders and every lower
 * layer; `alone` layers' folders may not import each other either.
 */
const layers = [
  {
    folders: [
      'src/text',
      'menus/locales',
      'src/config.ts',
      'src/config-fields.ts',
      'src/logger.ts',
    ],
  },
  { folders: ['db'] },
  // src/audit: the audit log of the centre's own set-up, written by any service below the channels.
  { folders: ['src/reference', 'src/outbox', 'src/staff', 'src/audit'], alone: true },
  { folders: ['src/complaints'] },
  // src/open311: the public Open311 feed, a service over complaints and reference data like
  // src/reports, used by the HTTP edge. src/callbacks: call-back requests, turned into complaints.
  {
    folders: [
      'src/citizens',
      'src/directory',
      'src/reports',
      'src/commands',
      'src/open311',
      'src/callbacks',
    ],
    alone: true,
  },
  { folders: ['src/ussd', 'src/sms', 'src/console'], alone: true },
  { folders: ['menus'] },
  { folders: ['src/ops', 'src/deps.ts'] },
  { folders: ['src/http', 'src/cli'], alone: true },
  { folders: ['src/main.ts', 'src/server.ts', 'src/timers.ts'] },
];

const higher = (i) => layers.slice(i + 1).flatMap((l) => l.folders);
const zone = (target, from, message) => ({
  target: `./${target}`,
  from: from.map((f) => `./${f}`),
  // menus/ is above its own locales folder, which sits in the bottom layer.
  ...(from.includes('menus') ? { except: ['./locales'] } : {}),
  message,
});
const zones = layers
  .flatMap((layer, i) =>
    layer.folders.flatMap((target) => [
      zone(target, higher(i), `${target} is below these in the layers (eslint.config.mjs).`),
      ...(layer.alone
        ? [
            zone(
              target,
              layer.folders.filter((f) => f !== target),
              `${target} may not reach into another folder of its own layer.`,
            ),
          ]
        : []),
    ]),
  )
  .filter((z) => z.from.length > 0);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'db/migrations/',
      'test-results/',
      '*.js',
      '*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX, drizzle },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'db/**/*.ts', 'menus/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    // drizzle-orm only where SQL belongs: db/ and repository files.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'menus/**/*.ts'],
    ignores: ['src/**/*repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*'],
              message: 'SQL lives in db/ and *repository.ts files: call a repository function.',
            },
          ],
        },
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
            {
              group: ['**/*repository', '**/db/client'],
              message: 'Pure core: no repositories (data comes in as arguments).',
              allowTypeImports: true,
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
