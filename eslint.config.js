import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

// Browser and host globals the pure engine must never touch: it runs in tests,
// benchmarks and (later) workers, and its results must depend on inputs only.
const impureGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'history',
  'fetch',
  'XMLHttpRequest',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'performance',
  'console',
  'process',
].map((name) => ({ name, message: 'src/domain is pure: pass this in as an argument instead.' }))

const owners = {
  zustand: 'Only src/store imports zustand.',
  papaparse: 'Only src/io imports papaparse.',
  react: 'This folder is pure TypeScript: no React.',
  'react-dom': 'This folder is pure TypeScript: no React.',
  recharts: 'Charts live in src/components.',
  store: 'Pure code must not reach into the store.',
  components: 'Pure code must not import UI components.',
  app: 'Pure code must not import the app shell.',
  io: 'The engine takes validated values; parsing lives in src/io.',
  format: 'Format only at the edge (src/format), never in the engine.',
}
const restrictImports = (names) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: names.map((name) => ({
        group:
          name in { store: 1, components: 1, app: 1, io: 1, format: 1 }
            ? [`**/${name}/**`, `**/${name}`]
            : [name, `${name}/*`],
        message: owners[name],
      })),
    },
  ],
})

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'dev-dist',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Dropping fields by destructuring ({ id, ...rest }) is the idiom for copies without them.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'No barrel files: import each module directly.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
    },
  },
  // Each third-party library with a wide surface is wrapped by one folder;
  // everything else imports the wrapper. Later blocks replace earlier ones for
  // the files they match, so each block lists its whole set.
  { files: ['src/**/*.{ts,tsx}'], rules: restrictImports(['zustand', 'papaparse']) },
  { files: ['src/store/**/*.{ts,tsx}'], rules: restrictImports(['papaparse']) },
  { files: ['src/io/**/*.ts'], rules: restrictImports(['zustand']) },
  {
    files: ['src/presets/**/*.ts'],
    rules: restrictImports(['react', 'zustand', 'recharts', 'papaparse', 'store', 'components']),
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      ...restrictImports([
        'react',
        'react-dom',
        'zustand',
        'recharts',
        'papaparse',
        'store',
        'components',
        'app',
        'io',
        'format',
      ]),
      'no-restricted-globals': ['error', ...impureGlobals],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // A test that indexes a fixture it just built knows the element is there.
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  { files: ['**/*.{js,mjs}'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
)
