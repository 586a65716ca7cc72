import js from '@eslint/js';
import signals from '@preact/eslint-plugin-signals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', '.output/', '.wxt/', '.tools/', 'test-results/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { signals },
    rules: {
      // @preact/signals misuse: these catch real bugs (stale reads after await,
      // writes inside computed, `if (signal)` instead of `if (signal.value)`).
      'signals/no-signal-write-in-computed': 'error',
      'signals/no-value-after-await': 'error',
      'signals/no-signal-truthiness': 'error',
      'signals/no-signal-in-component-body': 'error',
      'signals/no-conditional-value-read': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
