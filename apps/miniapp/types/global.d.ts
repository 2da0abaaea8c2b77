/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'
declare module '*.sass'

declare namespace NodeJS {
  interface ProcessEnv {
    /** NODE 内置环境变量, 会影响到最终构建生成产物 */
    NODE_ENV: 'development' | 'production' | 'test'
    /** 当前构建的平台 */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /**
     * 当前构建的小程序 appid (Taro copies it into dist/weapp/project.config.json).
     * @see https://docs.taro.zone/docs/next/env-mode-config#特殊环境变量-taro_app_id
     */
    TARO_APP_ID?: string
    /** API base URL (origin, no trailing slash). '' means the page's own origin (H5 served by the API). */
    TARO_APP_API?: string
    /** WeChat subscribe-message template ids, comma-separated (see services/subscribe.ts). */
    TARO_APP_TMPL_APPLICATION?: string
    TARO_APP_TMPL_FILING?: string
    TARO_APP_TMPL_APPLICANT?: string
  }
}
