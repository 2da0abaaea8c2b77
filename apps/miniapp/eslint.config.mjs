// The workspace rules (../../eslint.config.mjs) plus React's rules of hooks for the
// mini-program's components and pages.
import reactHooks from 'eslint-plugin-react-hooks'
import workspace from '../../eslint.config.mjs'

export default [
  ...workspace,
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
]
