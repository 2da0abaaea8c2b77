/**
 * Session handling: sign in (WeChat code or a demo user), keep the token and who I am, and
 * decide where each role lands. The platform part (wx.login) lives in login.weapp.ts.
 *
 *   POST /api/auth/wechat { code }     -> { token, expiresAt, userId }
 *   GET  /api/auth/dev/users           -> [{ demoKey, displayName, roles }]   (DEV_LOGIN only)
 *   POST /api/auth/dev    { demoKey }  -> { token, expiresAt, userId }
 *   GET  /api/me                       -> { userId, displayName, phoneMasked, motherId, roles }
 */
import Taro from '@tarojs/taro'
import type { DemoUser, Me, PhoneBound, RoleCode, RoleGrant, SessionAnswer } from '../types/api'
import { http } from './http'
import { getWechatCode, LOGIN_METHOD } from './login'
import type { LoginMethod } from './login.types'
import { clearToken, getToken, setToken } from './token'

export { LoginCancelledError } from './login.types'

const ME_KEY = 'mamagang.me'
/** The role the user chose to act as, when she holds several. */
const ACTIVE_ROLE_KEY = 'mamagang.activeRole'

export function loginMethod(): LoginMethod {
  return LOGIN_METHOD
}

/** Who is signed in, as last read from GET /api/me; null without a token. */
export function currentMe(): Me | null {
  if (!getToken()) return null
  const me: unknown = Taro.getStorageSync(ME_KEY)
  if (typeof me !== 'object' || me === null || !('userId' in me)) return null
  return me as Me
}

export function isSignedIn(): boolean {
  return currentMe() !== null
}

export async function refreshMe(): Promise<Me> {
  const me = await http.get<Me>('/api/me')
  Taro.setStorageSync(ME_KEY, me)
  return me
}

async function openSession(answer: SessionAnswer): Promise<Me> {
  setToken(answer.token)
  try {
    return await refreshMe()
  } catch (error) {
    clearToken()
    throw error
  }
}

export async function signInWithWechat(): Promise<Me> {
  const code = await getWechatCode()
  return openSession(await http.post<SessionAnswer>('/api/auth/wechat', { code }))
}

export function listDemoUsers(): Promise<DemoUser[]> {
  return http.get<DemoUser[]>('/api/auth/dev/users', undefined, { silent: true })
}

export async function signInAsDemo(demoKey: string): Promise<Me> {
  return openSession(await http.post<SessionAnswer>('/api/auth/dev', { demoKey }))
}

export function signOut(): void {
  clearToken()
  Taro.removeStorageSync(ME_KEY)
  Taro.removeStorageSync(ACTIVE_ROLE_KEY)
}

/** WeChat phone-number button: the code from `getPhoneNumber`. */
export function bindWechatPhone(code: string): Promise<PhoneBound> {
  return http.post<PhoneBound>('/api/auth/phone/wechat', { code })
}

/** H5: send a code to a typed phone (the development API answers with `devCode`). */
export function sendPhoneCode(phone: string): Promise<{ sent: boolean; devCode?: string }> {
  return http.post('/api/auth/phone/code', { phone })
}

export function verifyPhoneCode(phone: string, code: string): Promise<PhoneBound> {
  return http.post<PhoneBound>('/api/auth/phone/verify', { phone, code })
}

// ---------------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------------

export const ROLE_LABELS: Record<RoleCode, string> = {
  mother: '宝妈（求职者）',
  employer_member: '用人单位',
  station_worker: '驿站工作人员',
  official: '人社局 / 妇联',
}

/** Where each role starts. */
export const ROLE_HOME: Record<RoleCode, string> = {
  mother: '/pages/index/index',
  employer_member: '/packages/employer/posts/index',
  station_worker: '/packages/station/worklist/index',
  official: '/packages/official/filings/index',
}

export function grantsOf(me: Me | null, role: RoleCode): RoleGrant[] {
  return me ? me.roles.filter((grant) => grant.role === role) : []
}

export function hasRole(me: Me | null, role: RoleCode): boolean {
  return grantsOf(me, role).length > 0 || (role === 'mother' && Boolean(me?.motherId))
}

/** Distinct roles she holds, in the order of ROLE_HOME. */
export function rolesOf(me: Me | null): RoleCode[] {
  return (Object.keys(ROLE_HOME) as RoleCode[]).filter((role) => hasRole(me, role))
}

export function activeRole(me: Me | null): RoleCode | null {
  const roles = rolesOf(me)
  const chosen: unknown = Taro.getStorageSync(ACTIVE_ROLE_KEY)
  if (typeof chosen === 'string' && roles.includes(chosen as RoleCode)) return chosen as RoleCode
  return roles.length === 1 ? roles[0] : null
}

export function setActiveRole(role: RoleCode): void {
  Taro.setStorageSync(ACTIVE_ROLE_KEY, role)
}

/**
 * Where to go after sign-in: the single role's home, the role chooser for several roles, and
 * the mother's first-run questions for a new account with no role yet.
 */
export function landingFor(me: Me): string {
  const roles = rolesOf(me)
  if (roles.length === 0) return '/pages/onboarding/index?step=questions'
  if (roles.length > 1) return '/pages/login/index?choose=1'
  return ROLE_HOME[roles[0]]
}

const TAB_PAGES = new Set(['/pages/index/index', '/pages/search/index', '/pages/me/index'])

/** Open a page whatever it is: tab pages need switchTab, the rest reLaunch (fresh stack). */
export function go(url: string, how: 'replace' | 'push' = 'replace'): void {
  const path = url.split('?')[0]
  if (TAB_PAGES.has(path)) {
    void Taro.switchTab({ url: path })
  } else if (how === 'push') {
    void Taro.navigateTo({ url })
  } else {
    void Taro.reLaunch({ url })
  }
}

export function goHome(me: Me, role?: RoleCode): void {
  if (role) {
    setActiveRole(role)
    go(ROLE_HOME[role])
    return
  }
  go(landingFor(me))
}
