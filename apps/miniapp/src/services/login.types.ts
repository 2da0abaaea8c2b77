/**
 * Contract shared by the platform login files. `import ... from './login'` resolves,
 * at build time, to login.weapp.ts (WeChat) or login.h5.ts (browser): Taro picks
 * `<name>.<TARO_ENV>.ts` before `<name>.ts`. login.d.ts gives TypeScript the same
 * shape, and each platform file annotates its exports with these types so tsc checks
 * that both keep it.
 */

/** WeChat: a wx.login code exchanged by the API; dev: choose a demo user (H5, development). */
export type LoginMethod = 'wechat' | 'dev'

/** The one-time code of wx.login (weapp); H5 has none and throws. */
export type GetWechatCode = () => Promise<string>

/** Thrown when the user dismisses the sign-in: not an error worth a toast. */
export class LoginCancelledError extends Error {
  constructor() {
    super('已取消登录')
    this.name = 'LoginCancelledError'
  }
}
