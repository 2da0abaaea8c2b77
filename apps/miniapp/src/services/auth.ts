/**
 * Session handling. The platform part (how to get a credential) lives in
 * login.weapp.ts / login.h5.ts; everything else is shared.
 *
 * API contract assumed (to confirm with apps/api):
 *   POST /api/auth/wechat { code }        -> { token, user }
 *   POST /api/auth/dev    { demoUser }    -> { token, user }   (development only)
 */
import Taro from '@tarojs/taro'
import { http } from './http'
import { getLoginCredential, LOGIN_METHOD } from './login'
import type { LoginCredential, Role } from './login.types'
import { clearToken, getToken, setToken } from './token'

export { LoginCancelledError, DEMO_USERS } from './login.types'
export type { Role } from './login.types'

export interface SessionUser {
  id: string
  role: Role
  name: string
}

export interface Session {
  token: string
  user: SessionUser
}

const USER_KEY = 'mamagang.user'

export function currentUser(): SessionUser | null {
  if (!getToken()) return null
  const user: unknown = Taro.getStorageSync(USER_KEY)
  if (typeof user !== 'object' || user === null) return null
  return user as SessionUser
}

export function isSignedIn(): boolean {
  return currentUser() !== null
}

export function loginMethod(): LoginCredential['kind'] {
  return LOGIN_METHOD
}

export async function exchangeCredential(credential: LoginCredential): Promise<Session> {
  return credential.kind === 'wechat'
    ? http.post<Session>('/api/auth/wechat', { code: credential.code })
    : http.post<Session>('/api/auth/dev', { demoUser: credential.demoUser })
}

/** Sign in with the platform's method and keep the session in storage. */
export async function signIn(): Promise<SessionUser> {
  const credential = await getLoginCredential()
  const session = await exchangeCredential(credential)
  setToken(session.token)
  Taro.setStorageSync(USER_KEY, session.user)
  return session.user
}

export function signOut(): void {
  clearToken()
  Taro.removeStorageSync(USER_KEY)
}
