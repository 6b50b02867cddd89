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

/**
 * The layering of src (README, "Project layout"): each folder and the folders it
 * may import besides itself. Lint fails on every other arrow. Patterns name a
 * folder followed by a file, so they cover subfolders (src/io/csv/...) and every
 * depth of relative path; tests and benchmarks may import anything.
 */
const LAYERS = {
  domain: [],
  presets: ['domain'],
  format: ['domain'],
  io: ['domain', 'presets', 'format'],
  store: ['domain', 'presets', 'io'],
  components: ['domain', 'presets', 'format', 'io', 'store'],
  app: ['domain', 'presets', 'format', 'io', 'store', 'components'],
}

/** Each third-party library with a wide surface is wrapped by the folders named here. */
const LIBRARIES = {
  zustand: { owners: ['store'], message: 'Only src/store imports zustand.' },
  papaparse: { owners: ['io'], message: 'Only src/io imports papaparse.' },
  recharts: { owners: ['components'], message: 'Charts live in src/components.' },
  react: {
    owners: ['store', 'components', 'app'],
    message: 'This folder is pure TypeScript: no React.',
  },
  'react-dom': { owners: ['components', 'app'], message: 'Only the UI renders: no react-dom.' },
}

function layerRules(folder) {
  const allowed = new Set([folder, ...LAYERS[folder]])
  const may = LAYERS[folder].length > 0 ? `only ${LAYERS[folder].join(', ')}` : 'nothing outside it'
  const folders = Object.keys(LAYERS)
    .filter((other) => !allowed.has(other))
    .map((other) => ({
      group: [`**/${other}/**`],
      message: `src/${folder} may import ${may} (README, Project layout): not src/${other}.`,
    }))
  const libraries = Object.entries(LIBRARIES)
    .filter(([, { owners }]) => !owners.includes(folder))
    .map(([name, { message }]) => ({ group: [name, `${name}/*`], message }))
  return { 'no-restricted-imports': ['error', { patterns: [...folders, ...libraries] }] }
}

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
  {
    // A file in a folder not listed in LAYERS still may not import the wrapped libraries.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: Object.entries(LIBRARIES).map(([name, { message }]) => ({
            group: [name, `${name}/*`],
            message,
          })),
        },
      ],
    },
  },
  ...Object.keys(LAYERS).map((folder) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: layerRules(folder),
  })),
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...impureGlobals] },
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
