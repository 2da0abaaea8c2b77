import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // To see what makes the H5 bundle large, add webpack-bundle-analyzer here:
    // webpackChain(chain) {
    //   chain.plugin('analyzer').use(require('webpack-bundle-analyzer').BundleAnalyzerPlugin, [])
    // },
  },
} satisfies UserConfigExport<'webpack5'>
