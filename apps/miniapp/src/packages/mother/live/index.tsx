import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/Form'
import { currentMe, hasRole } from '../../../services/auth'
import { applyFrom, getLivestream } from '../../../services/fairs'
import type { FairPost, Livestream } from '../../../types/fairs'

const isWeapp = process.env.TARO_ENV === 'weapp'

type ChannelsApi = { openChannelsLive?: (o: { finderUserName: string; feedId?: string }) => Promise<unknown> }

/** A livestream: how to watch it, and the posts shown beside it (during and after it) to apply to. */
export default function LivePage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [live, setLive] = useState<Livestream | null>(null)
  const [failed, setFailed] = useState(false)
  const [applied, setApplied] = useState<Set<string>>(new Set())

  useDidShow(() => {
    if (!id) {
      setFailed(true)
      return
    }
    getLivestream(id, { silent: true })
      .then(setLive)
      .catch(() => setFailed(true))
  })

  const watch = async () => {
    if (!live) return
    const channels = Taro as unknown as ChannelsApi
    if (isWeapp && live.channelsId && channels.openChannelsLive) {
      await channels.openChannelsLive({ finderUserName: live.channelsId, ...(live.feedId ? { feedId: live.feedId } : {}) }).catch(() => undefined)
      return
    }
    const text = live.url ?? `微信视频号：${live.channelsId ?? ''}`
    await Taro.setClipboardData({ data: text }).catch(() => undefined)
    void Taro.showToast({ title: live.url ? '直播链接已复制' : '视频号已复制，请在微信中搜索观看', icon: 'none' })
  }

  const apply = async (post: FairPost) => {
    if (!live) return
    if (!hasRole(currentMe(), 'mother')) {
      void Taro.navigateTo({ url: '/pages/onboarding/index' })
      return
    }
    try {
      await applyFrom(post.id, { livestreamId: live.id })
      setApplied(new Set([...applied, post.id]))
      void Taro.showToast({ title: '已申请，单位回复后会通知您', icon: 'none' })
    } catch {
      // shown by http.ts
    }
  }

  if (!live) {
    return (
      <View className='page'>
        <Text className='hint'>{failed ? '暂时无法加载这场直播。' : '正在加载…'}</Text>
      </View>
    )
  }
  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>{live.title}</Text>
      </View>
      <View className='card'>
        <Text className='card__text'>
          {live.platformLabel} · {live.phaseLabel}
        </Text>
        <Text className='card__meta'>
          {new Date(live.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 至{' '}
          {new Date(live.endsAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
        </Text>
        {live.fair && <Text className='card__meta'>所属招聘会：{live.fair.title}</Text>}
        {live.phase !== 'ended' && (
          <View className='card__actions'>
            <ActionButton onClick={() => void watch()}>{live.phase === 'live' ? '进入直播间' : '预约观看'}</ActionButton>
          </View>
        )}
      </View>
      <View role='heading' aria-level={2}>
        <Text className='section-title'>直播中的岗位</Text>
      </View>
      {live.posts.map((p) => (
        <View key={p.id} className='card' role='article' aria-label={p.title}>
          <Text className='card__title' onClick={() => void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(p.id)}` })}>
            {p.title}
          </Text>
          <Text className='card__meta'>
            {p.employerName} · {p.hourlyText} · {p.statusLabel}
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
  )
}
