/**
 * Contract shared by the platform login files. `import ... from './login'` resolves,
 * at build time, to login.weapp.ts (WeChat) or login.h5.ts (browser): Taro picks
 * `<name>.<TARO_ENV>.ts` before `<name>.ts`. login.d.ts gives TypeScript the same
 * shape, and each platform file annotates its exports with these types so tsc checks
 * that both keep it.
 */

/** Roles the product knows; the API decides which one a signed-in user has. */
export type Role = 'mother' | 'employer' | 'station' | 'official'

/** What the API needs to open a session. */
export type LoginCredential =
  /** WeChat: the one-time code from wx.login, exchanged by the API for the openid. */
  | { kind: 'wechat'; code: string }
  /** H5 development sign-in as one of the API's demo users. */
  | { kind: 'dev'; demoUser: string }

export type LoginMethod = LoginCredential['kind']

/** Get a credential, asking the user if the platform needs to. */
export type GetLoginCredential = () => Promise<LoginCredential>

/** Thrown when the user dismisses the sign-in choice: not an error worth a toast. */
export class LoginCancelledError extends Error {
  constructor() {
    super('已取消登录')
    this.name = 'LoginCancelledError'
  }
}

export interface DemoUser {
  /** Key the API's development sign-in accepts. */
  key: string
  role: Role
  label: string
}

/** Demo users offered by the H5 development sign-in (one per role). */
export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'demo-mother', role: 'mother', label: '宝妈 (求职者)' },
  { key: 'demo-employer', role: 'employer', label: '用人单位' },
  { key: 'demo-station', role: 'station', label: '驿站工作人员' },
  { key: 'demo-official', role: 'official', label: '人社局 / 妇联' },
]
