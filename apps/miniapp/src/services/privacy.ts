/**
 * WeChat's privacy-agreement flow. Before the first call of a privacy API (getLocation,
 * chooseLocation, the phone-number button) WeChat asks the app to show its notice; the app
 * answers with the id of the button she tapped (open-type="agreePrivacyAuthorization").
 * app.tsx stores WeChat's callback here; the onboarding page shows the notice and resolves it.
 */
import Taro from '@tarojs/taro'

type Resolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve | null = null

const CONSENT_KEY = 'mamagang.privacyAcceptedAt'

export function privacyAccepted(): boolean {
  return Boolean(Taro.getStorageSync(CONSENT_KEY))
}

export function recordPrivacyAccepted(at: Date = new Date()): void {
  Taro.setStorageSync(CONSENT_KEY, at.toISOString())
}

export function watchPrivacyRequests(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const wxApi = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void }
  wxApi.onNeedPrivacyAuthorization?.((resolve) => {
    pending = resolve
    void Taro.navigateTo({ url: '/pages/onboarding/index?step=privacy&resume=1' })
  })
}

/** Called from the tap on the agree (or decline) button. */
export function answerPrivacy(agreed: boolean, buttonId = 'agree-privacy'): void {
  if (agreed) recordPrivacyAccepted()
  const resolve = pending
  pending = null
  resolve?.(agreed ? { event: 'agree', buttonId } : { event: 'disagree' })
}

export function hasPendingPrivacyRequest(): boolean {
  return pending !== null
}
