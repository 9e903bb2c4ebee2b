import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.escalated/', '.serverless/', '.esbuild/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['widget/**/*.ts', 'tests/widget/**/*.ts', 'demo/**/*.js'],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['infra/local/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read JSON responses whose shape each assertion states.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
