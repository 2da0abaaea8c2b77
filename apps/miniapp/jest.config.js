// Jest for component and service tests (jsdom). Taro's runtime is not loaded: the
// manual mocks in __mocks__/@tarojs map Taro components to DOM elements and stub the API.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/__mocks__'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Resolve `./login` the way Taro does for H5: `login.h5.ts` before `login.ts`.
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/__mocks__/@tarojs/components.tsx',
    '^@tarojs/taro$': '<rootDir>/__mocks__/@tarojs/taro.ts',
    '\\.(css|scss|sass)$': '<rootDir>/__mocks__/style.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  clearMocks: true,
}
