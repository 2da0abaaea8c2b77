import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import CheckInCode from '../../../components/CheckInCode'
import { ActionButton } from '../../../components/Form'
import { currentMe, hasRole } from '../../../services/auth'
import { applyFrom, cancelFairSignup, getFair, signUpForFair } from '../../../services/fairs'
import type { Fair, FairPost } from '../../../types/fairs'
import './index.scss'

const openPost = (id: string) => () => void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(id)}` })
const openLive = (id: string) => () => void Taro.navigateTo({ url: `/packages/mother/live/index?id=${encodeURIComponent(id)}` })

/** A fair: when and where, what is arranged for children, the employers and their posts; sign up and show the code. */
export default function FairPage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [fair, setFair] = useState<Fair | null>(null)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [applied, setApplied] = useState<Set<string>>(new Set())

  const load = () =>
    getFair(id, { silent: true })
      .then(setFair)
      .catch(() => setFailed(true))

  useDidShow(() => {
    if (id) void load()
    else setFailed(true)
  })

  const needMother = (): boolean => {
    const me = currentMe()
    if (hasRole(me, 'mother')) return true
    void Taro.navigateTo({ url: me ? '/pages/onboarding/index?step=questions' : '/pages/onboarding/index' })
    return false
  }

  const signUp = async () => {
    if (!fair || !needMother()) return
    setBusy(true)
    try {
      await signUpForFair(fair.id)
      void Taro.showToast({ title: '报名成功，前一天会提醒您', icon: 'none', duration: 2500 })
      await load()
    } catch {
      // http.ts showed the API's message (名额已满 …)
    } finally {
      setBusy(false)
    }
  }

  const cancel = async () => {
    if (!fair) return
    const { confirm } = await Taro.showModal({ title: '取消报名', content: '取消后名额会让给其他宝妈，确定取消吗？', confirmText: '取消报名', cancelText: '不取消' })
    if (!confirm) return
    await cancelFairSignup(fair.id).catch(() => undefined)
    await load()
  }

  const apply = async (post: FairPost) => {
    if (!fair || !needMother()) return
    try {
      await applyFrom(post.id, { fairId: fair.id })
      setApplied(new Set([...applied, post.id]))
      void Taro.showToast({ title: '已申请，单位回复后会通知您', icon: 'none' })
    } catch {
      // shown by http.ts
    }
  }

  if (!fair) {
    return (
      <View className='page'>
        <Text className='hint'>{failed ? '暂时无法加载这场招聘会。' : '正在加载…'}</Text>
      </View>
    )
  }

  const signup = fair.mySignup && fair.mySignup.status !== 'cancelled' ? fair.mySignup : null
  const over = new Date(fair.endsAt).getTime() <= Date.now()
  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>{fair.title}</Text>
      </View>
      <View className='card'>
        <Text className='card__text'>
          时间：{fair.date} {fair.startTime}-{fair.endTime}
        </Text>
        <Text className='card__text'>{fair.mode === 'online' ? `线上招聘会${fair.onlineUrl ? `：${fair.onlineUrl}` : ''}` : `地点：${fair.address ?? ''}`}</Text>
        {fair.childFriendly && <Text className='card__text'>亲子安排：{fair.childFriendly}</Text>}
        {fair.description && <Text className='card__meta'>{fair.description}</Text>}
        <Text className='card__meta'>
          剩余名额 {fair.seatsLeft}/{fair.seats} · {fair.statusLabel}
        </Text>
        {fair.cancelReason && <Text className='card__meta'>取消原因：{fair.cancelReason}</Text>}
      </View>

      {signup?.code && <CheckInCode code={signup.code} checkedInAt={signup.checkedInAt} />}
      <View className='page-actions'>
        {!signup && fair.status === 'published' && !over && (
          <ActionButton busy={busy} disabled={fair.seatsLeft === 0} onClick={() => void signUp()}>
            {fair.seatsLeft === 0 ? '名额已满' : '报名参加'}
          </ActionButton>
        )}
        {signup?.status === 'signed_up' && !over && (
          <ActionButton kind='secondary' small onClick={() => void cancel()}>
            取消报名
          </ActionButton>
        )}
      </View>

      {fair.livestreams.length > 0 && (
        <View>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>直播带岗</Text>
          </View>
          {fair.livestreams.map((l) => (
            <View key={l.id} className='card' role='article' aria-label={`直播：${l.title}`} onClick={openLive(l.id)}>
              <Text className='card__title'>{l.title}</Text>
              <Text className='card__meta'>
                {l.platformLabel} · {new Date(l.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
              </Text>
              <Text className={`tag ${l.phase === 'live' ? 'tag--ok' : ''}`}>{l.phaseLabel}</Text>
            </View>
          ))}
        </View>
      )}

      <View role='heading' aria-level={2}>
        <Text className='section-title'>参会单位和岗位</Text>
      </View>
      {fair.employers.length === 0 && <Text className='hint'>参会单位正在确定中。</Text>}
      {fair.employers.map((e) => (
        <View key={e.id} className='card' role='article' aria-label={e.name}>
          <Text className='card__title'>
            {e.name}
            {e.friendly ? '（友好企业）' : ''}
          </Text>
          {e.posts.length === 0 && <Text className='card__meta'>现场发布岗位</Text>}
          {e.posts.map((p) => (
            <View key={p.id} className='fair-post'>
              <Text className='card__text' onClick={openPost(p.id)}>
                {p.title}
              </Text>
              <Text className='card__meta'>
                {p.typeLabel} · {p.hourlyText} · {p.statusLabel}
              </Text>
              {p.status === 'open' && (
                <View className='card__actions'>
                  <ActionButton kind='secondary' small disabled={applied.has(p.id)} label={`申请${p.title}`} onClick={() => void apply(p)}>
                    {applied.has(p.id) ? '已申请' : '申请'}
                  </ActionButton>
                </View>
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
