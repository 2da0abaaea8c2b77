// babel-preset-taro options and defaults: https://docs.taro.zone/docs/next/babel-config
// Used by Taro's webpack build only; Jest compiles with ts-jest (see jest.config.js).
// Syntax targets come from "browserslist" in package.json; no core-js polyfills are injected.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
