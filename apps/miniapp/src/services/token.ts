import Taro from '@tarojs/taro'

/** Storage key of the bearer token. Only this file and http.ts touch it. */
export const TOKEN_KEY = 'mamagang.token'

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' && token.length > 0 ? token : null
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
}
