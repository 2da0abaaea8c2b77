/**
 * Manual mock of @tarojs/taro for Jest: storage backed by a Map, every API a jest.fn()
 * that tests can program (`(Taro.request as jest.Mock).mockResolvedValue(...)`), and the
 * page lifecycle hooks as no-ops (useLoad runs once, like a page load).
 */
import { useEffect } from 'react'

const store = new Map<string, unknown>()

export const getStorageSync = jest.fn((key: string) => (store.has(key) ? store.get(key) : ''))
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  store.set(key, value)
})
export const removeStorageSync = jest.fn((key: string) => {
  store.delete(key)
})
export const clearStorageSync = jest.fn(() => store.clear())

export const request = jest.fn()
export const showToast = jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' }))
export const showActionSheet = jest.fn()
export const login = jest.fn()
export const getLocation = jest.fn()
export const navigateTo = jest.fn(() => Promise.resolve())
export const redirectTo = jest.fn(() => Promise.resolve())
export const reLaunch = jest.fn(() => Promise.resolve())
export const switchTab = jest.fn(() => Promise.resolve())
export const stopPullDownRefresh = jest.fn()
export const getEnv = jest.fn(() => 'WEB')
export const navigateBack = jest.fn(() => Promise.resolve())
export const showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false }))
export const chooseLocation = jest.fn()
export const requestSubscribeMessage = jest.fn(() => Promise.resolve({}))
export const setClipboardData = jest.fn(() => Promise.resolve())
export const makePhoneCall = jest.fn(() => Promise.resolve())
export const openPrivacyContract = jest.fn()

export const useLoad = (callback: () => void) => {
  // Once per mount, like a page load.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), [])
}
export const useDidShow = useLoad
export const useLaunch = useLoad
export const usePullDownRefresh = (_callback: () => void) => undefined
export const useReachBottom = (_callback: () => void) => undefined
export const useShareAppMessage = (_callback: () => unknown) => undefined
export const useRouter = jest.fn(() => ({ params: {} }))

const Taro = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  request,
  showToast,
  showActionSheet,
  login,
  getLocation,
  navigateTo,
  redirectTo,
  reLaunch,
  switchTab,
  stopPullDownRefresh,
  getEnv,
  navigateBack,
  showModal,
  chooseLocation,
  requestSubscribeMessage,
  setClipboardData,
  makePhoneCall,
  openPrivacyContract,
}

export default Taro
