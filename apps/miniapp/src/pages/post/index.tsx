import { Button as WxButton, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '../../components/Form'
import { CONTRACT_PLAIN, INSURANCE_PLAIN } from '../../constants/plain'
import { applyToPost } from '../../services/applications'
import { currentMe, hasRole } from '../../services/auth'
import { getPost } from '../../services/posts'
import { requestSubscription } from '../../services/subscribe'
import type { Post } from '../../types/api'
import { formatDate, modeLabel } from '../../utils/format'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='post-detail__section' role='region' aria-label={title}>
      <View role='heading' aria-level={2}>
        <Text className='post-detail__section-title'>{title}</Text>
      </View>
      {children}
    </View>
  )
}

function Yes({ on, label }: { on: boolean; label: string }) {
  return (
    <View className={`post-detail__fact${on ? '' : ' post-detail__fact--no'}`} role='listitem'>
      <Text aria-hidden>{on ? '✓ ' : '✕ '}</Text>
      <Text>
        {label}
        {on ? '' : '：无'}
      </Text>
    </View>
  )
}

/** A post in full: employer, hours, pay, contract and insurance in plain words, facilities, rights; apply and share. */
export default function PostPage() {
  const { params } = useRouter<{ id?: string; from?: string }>()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [post, setPost] = useState<Post | null>(null)
  const [failed, setFailed] = useState(false)
  const [applying, setApplying] = useState(false)
  const [applied, setApplied] = useState(false)

  useLoad(() => {
    if (!id) {
      setFailed(true)
      return
    }
    getPost(id, { silent: true })
      .then(setPost)
      .catch(() => setFailed(true))
  })

  useShareAppMessage(() => ({
    title: post ? `${post.title}｜${post.pay.text}｜妈妈岗` : '妈妈岗：时间灵活的好工作',
    path: `/pages/post/index?id=${encodeURIComponent(id)}&from=share`,
  }))

  const apply = async () => {
    if (applying || !post) return
    const me = currentMe()
    if (!me) {
      void Taro.navigateTo({ url: '/pages/onboarding/index' })
      return
    }
    if (!hasRole(me, 'mother')) {
      void Taro.navigateTo({ url: '/pages/onboarding/index?step=questions' })
      return
    }
    setApplying(true)
    // Asked in the tap, before the event: she is told when the employer answers.
    await requestSubscription('application')
    try {
      await applyToPost(post.id, params.from === 'share' || params.from === 'recommended' ? params.from : 'search')
      setApplied(true)
      void Taro.showToast({ title: '已申请，单位回复后会通知您', icon: 'none', duration: 2500 })
    } catch {
      // http.ts showed the API's message
    } finally {
      setApplying(false)
    }
  }

  const shareH5 = () => {
    const link = typeof window === 'undefined' ? '' : window.location.href
    void Taro.setClipboardData({ data: `${post?.title ?? '妈妈岗岗位'} ${link}` })
      .then(() => Taro.showToast({ title: '链接已复制，可以粘贴发给微信好友', icon: 'none' }))
      .catch(() => undefined)
  }

  if (!post) {
    return (
      <View className='page'>
        <Text className='hint'>{failed ? '暂时无法加载这个岗位，它可能已下架。' : '正在加载岗位信息…'}</Text>
      </View>
    )
  }

  const open = post.status === 'open' && post.openPlaces > 0
  return (
    <View className='page post-detail'>
      <View className='post-detail__head'>
        <View role='heading' aria-level={1}>
          <Text className='post-detail__title'>{post.title}</Text>
        </View>
        <Text className='post-detail__pay'>{post.pay.text}</Text>
        {post.pay.basis !== 'hourly' && post.hourly.min !== null && <Text className='post-detail__hourly'>{post.hourly.text}</Text>}
        <Text className='post-detail__meta'>
          {post.typeLabel}
          {post.stageLabel ? ` · 适合${post.stageLabel}` : ''} · 招{post.headcount}人，还剩{post.openPlaces}个名额
        </Text>
        {post.status !== 'open' && <Text className='post-detail__closed'>{post.statusLabel || '已停止招聘'}</Text>}
      </View>

      <Section title='用人单位'>
        <Text className='post-detail__text'>{post.employer.name}</Text>
        <View className='post-detail__badges'>
          <Text className='post-detail__badge'>已备案 · 用人单位名录</Text>
          {post.employer.friendly && <Text className='post-detail__badge post-detail__badge--friendly'>妈妈岗友好企业</Text>}
        </View>
      </Section>

      <Section title='工作时间'>
        <Text className='post-detail__text'>{post.schedule.text}</Text>
      </Section>

      <Section title='工作地点'>
        <Text className='post-detail__text'>
          {post.place.remote ? '线上远程，在家就能做' : post.place.takeHome ? `可带回家做${post.place.address ? `；领料地点：${post.place.address}` : ''}` : post.place.address || '单位地址'}
        </Text>
        {post.modes.length > 0 && <Text className='post-detail__note'>{post.modes.map(modeLabel).join('、')}</Text>}
      </Section>

      <Section title='工作内容'>
        <Text className='post-detail__text'>{post.description || '单位没有填写更多说明。'}</Text>
      </Section>

      <Section title='合同和保险'>
        <Text className='post-detail__text'>{CONTRACT_PLAIN[post.contractForm] ?? post.contractLabel}</Text>
        <Text className='post-detail__text'>{INSURANCE_PLAIN[post.insurance] ?? post.insuranceLabel}</Text>
      </Section>

      <Section title='家庭友好条件'>
        <View role='list' aria-label='家庭友好条件'>
          <Yes on={post.facilities.motherBabyRoom} label='母婴室' />
          <Yes on={post.facilities.shuttleBus} label='妈妈班车' />
          <Yes on={Boolean(post.facilities.childMayCome)} label='可以带孩子来' />
        </View>
      </Section>

      {post.rightsTerms.length > 0 && (
        <Section title='您的权益（写进合同）'>
          <View role='list' aria-label='您的权益'>
            {post.rightsTerms.map((term) => (
              <View key={term} className='post-detail__fact' role='listitem'>
                <Text>✓ {term}</Text>
              </View>
            ))}
          </View>
        </Section>
      )}

      <Text className='hint'>招聘截止：{formatDate(post.validUntil)}</Text>

      <View className='post-detail__bar'>
        {isWeapp ? (
          <WxButton className='post-detail__share' openType='share'>
            分享给好友
          </WxButton>
        ) : (
          <View className='post-detail__share' role='button' onClick={shareH5}>
            <Text>分享给好友</Text>
          </View>
        )}
        <View className='post-detail__apply'>
          <ActionButton busy={applying} disabled={!open || applied} onClick={() => void apply()}>
            {applied ? '已申请' : open ? '一键申请' : '已停止招聘'}
          </ActionButton>
        </View>
      </View>
    </View>
  )
}
