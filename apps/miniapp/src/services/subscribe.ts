/**
 * WeChat subscribe messages (订阅消息): the mini-program may send her a message only after she
 * said yes to that template, in a tap, right before the event that will notify her. Template
 * ids are chosen in the WeChat admin console and compiled in from the environment:
 *   TARO_APP_TMPL_APPLICATION  application accepted / rejected / hired  (mother, before applying)
 *   TARO_APP_TMPL_FILING       filing approved / rejected               (employer, before filing)
 *   TARO_APP_TMPL_APPLICANT    a new applicant                          (employer, before publishing)
 * Unset ids, H5 and a refusal are all fine: the in-app notifications still arrive.
 */
import Taro from '@tarojs/taro'

export type SubscribeTopic = 'application' | 'filing' | 'applicant'

function templateIds(topic: SubscribeTopic): string[] {
  const raw =
    topic === 'application'
      ? process.env.TARO_APP_TMPL_APPLICATION
      : topic === 'filing'
        ? process.env.TARO_APP_TMPL_FILING
        : process.env.TARO_APP_TMPL_APPLICANT
  return (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
}

/** Ask for the topic's templates; resolves whatever she answers (never throws). */
export async function requestSubscription(topic: SubscribeTopic): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const tmplIds = templateIds(topic)
  if (tmplIds.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
  } catch {
    // Refused or unsupported: the in-app notification list still shows the event.
  }
}
