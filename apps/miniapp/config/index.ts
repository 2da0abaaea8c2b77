import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/** Platform being built: set by `taro build --type <platform>`. */
const platform = process.env.TARO_ENV || 'weapp'

/**
 * Base URL of the API, compiled into the bundle as `process.env.TARO_APP_API`.
 * H5 is served by the API itself, so it defaults to the same origin (''); a
 * mini-program has no origin and defaults to the local API. Override from the
 * shell (`TARO_APP_API=https://api.example.cn pnpm build:weapp`) or from a
 * `.env.<mode>` file (Taro's own dotenv loading, which wins over this default).
 */
const apiBase = process.env.TARO_APP_API ?? (platform === 'h5' ? '' : 'http://127.0.0.1:3000')

/**
 * The workspace's domain package is plain ES2022 CommonJS (`??`, `?.`, class fields). Taro's
 * babel only compiles src/ by default; include the package so both builds meet the
 * browserslist targets (iOS 11, Chrome 61) like our own code.
 */
const domainPackage = path.resolve(__dirname, '..', '..', '..', 'packages', 'domain')

/** NutUI is drawn at 375 px wide, our own styles at 750 (Taro's default). */
function designWidth(input?: unknown): number {
  const file = (input as { file?: string } | undefined)?.file
  if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375
  return 750
}

// https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'mamagang-miniapp',
    date: '2025-11-23',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // dist/weapp and dist/h5: the two builds never overwrite each other. TARO_OUTPUT_ROOT builds
    // elsewhere (e.g. a second H5 build for browser tests while dist/h5 is in use).
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${platform}`,
    // NutUI React Taro expects plugin-html (a few of its components render HTML tags
    // and measure elements with getBoundingClientRect).
    plugins: ['@tarojs/plugin-html'],
    env: {
      TARO_APP_API: JSON.stringify(apiBase),
      // WeChat subscribe-message template ids (services/subscribe.ts); empty: not asked.
      TARO_APP_TMPL_APPLICATION: JSON.stringify(process.env.TARO_APP_TMPL_APPLICATION ?? ''),
      TARO_APP_TMPL_FILING: JSON.stringify(process.env.TARO_APP_TMPL_FILING ?? ''),
      TARO_APP_TMPL_APPLICANT: JSON.stringify(process.env.TARO_APP_TMPL_APPLICANT ?? ''),
    },
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: {
      // app.config's sitemapLocation points at this file (weapp only).
      patterns: platform === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false, // https://docs.taro.zone/docs/config-detail#cache
    },
    mini: {
      // Move modules used only by one subpackage out of the main package.
      optimizeMainPackage: { enable: true },
      compile: { include: [domainPackage] },
      // Stylesheets are per component and do not depend on each other's order.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      compile: { include: [domainPackage] },
      staticDirectory: 'static',
      // Hash routes: the API can serve dist/h5 as plain static files, no rewrites.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      // Let Taro's postcss (pxtransform) see NutUI's CSS on H5 too.
      esnextModules: ['nutui-react'],
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Taro splits H5 chunks for the initial load only, so every page chunk carried its own
        // copy of the domain package and the shared components. One shared async chunk instead.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              shared: { name: 'shared', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
            },
          },
        })
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    // Local development (watch): no minification.
    return merge({}, baseConfig, devConfig)
  }
  // Production build: minified.
  return merge({}, baseConfig, prodConfig)
})
