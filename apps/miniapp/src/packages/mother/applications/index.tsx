import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/Form'
import { APPLICATION_STATUS_LABELS, listMyApplications, withdrawApplication } from '../../../services/applications'
import type { Application, ApplicationStatus } from '../../../types/api'
import { formatDate } from '../../../utils/format'

const TONE: Record<ApplicationStatus, string> = {
  submitted: 'tag--info',
  accepted: 'tag--ok',
  hired: 'tag--ok',
  rejected: 'tag--bad',
  withdrawn: '',
}

/** Her applications and where each stands. */
export default function MyApplicationsPage() {
  const [items, setItems] = useState<Application[] | null>(null)

  const load = () =>
    listMyApplications()
      .then(setItems)
      .catch(() => setItems([]))

  useDidShow(() => {
    void load()
  })

  const withdraw = async (id: string) => {
    const { confirm } = await Taro.showModal({ title: '撤回申请', content: '确定撤回这份申请吗？', confirmText: '撤回', cancelText: '不撤回' })
    if (!confirm) return
    await withdrawApplication(id).catch(() => undefined)
    void load()
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>我的申请</Text>
      </View>
      {items === null && <Text className='hint'>正在加载…</Text>}
      {items !== null && items.length === 0 && <Text className='hint'>还没有申请过岗位。到首页或搜索看看适合您的岗位吧。</Text>}
      {items?.map((app) => (
        <View key={app.id} className='card' role='article' aria-label={app.post?.title ?? '申请'}>
          <Text className='card__title' onClick={() => void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(app.postId)}` })}>
            {app.post?.title ?? '岗位'}
          </Text>
          {app.post && (
            <Text className='card__meta'>
              {app.post.employerName} · {app.post.typeLabel} · {app.post.hourlyText}
            </Text>
          )}
          {app.post && app.post.status !== 'open' && <Text className='card__meta'>岗位{app.post.statusLabel}</Text>}
          <Text className={`tag ${TONE[app.status] ?? ''}`}>{app.statusLabel || APPLICATION_STATUS_LABELS[app.status] || app.status}</Text>
          {app.status === 'rejected' && app.rejectReason && <Text className='card__meta'>原因：{app.rejectReason}</Text>}
          <Text className='card__meta'>申请时间：{formatDate(app.createdAt)}</Text>
          {app.status === 'submitted' && (
            <View className='card__actions'>
              <ActionButton kind='secondary' small label={`撤回${app.post?.title ?? ''}的申请`} onClick={() => void withdraw(app.id)}>
                撤回申请
              </ActionButton>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
