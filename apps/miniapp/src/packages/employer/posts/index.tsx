import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import StaffFooter from '../../../components/StaffFooter'
import { ActionButton } from '../../../components/Form'
import { currentMe, go } from '../../../services/auth'
import { EMPLOYER_STATUS_LABELS } from '../../../services/employers'
import { listEmployerPosts } from '../../../services/posts'
import { chooseEmployer, loadMyEmployers } from '../../../services/workspace'
import type { Employer, Post } from '../../../types/api'
import { formatDate } from '../../../utils/format'

const TONE: Record<string, string> = { open: 'tag--ok', filled: 'tag--info', expired: '', taken_down: 'tag--bad' }
const STATUS: Record<string, string> = { open: '招聘中', filled: '已招满', expired: '已过期', taken_down: '已下架' }

/** The employer's workspace: its posts, applicants per post, and the way to post a gig. */
export default function EmployerPostsPage() {
  const [employers, setEmployers] = useState<Employer[]>([])
  const [employer, setEmployer] = useState<Employer | null>(null)
  const [posts, setPosts] = useState<Post[] | null>(null)

  const loadPosts = (e: Employer | null) => {
    if (!e || e.status !== 'approved') {
      setPosts([])
      return
    }
    listEmployerPosts(e.id)
      .then(setPosts)
      .catch(() => setPosts([]))
  }

  useDidShow(() => {
    if (!currentMe()) {
      go('/pages/login/index')
      return
    }
    loadMyEmployers()
      .then(({ employers: list, current }) => {
        if (list.length === 0) {
          go('/packages/employer/filing/index')
          return
        }
        setEmployers(list)
        setEmployer(current)
        loadPosts(current)
      })
      .catch(() => setPosts([]))
  })

  const switchTo = (e: Employer) => {
    chooseEmployer(e.id)
    setEmployer(e)
    setPosts(null)
    loadPosts(e)
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>{employer ? employer.name : '我的单位'}</Text>
      </View>
      {employers.length > 1 && (
        <View className='page-actions'>
          {employers
            .filter((e) => e.id !== employer?.id)
            .map((e) => (
              <ActionButton key={e.id} kind='secondary' small onClick={() => switchTo(e)}>
                切换到：{e.name}
              </ActionButton>
            ))}
        </View>
      )}
      {employer && employer.status !== 'approved' && (
        <View className='card'>
          <Text className='card__title'>备案{EMPLOYER_STATUS_LABELS[employer.status]}</Text>
          <Text className='card__text'>{employer.status === 'pending' ? '审核通过后就可以发布岗位。' : `退回原因：${employer.reviewReason ?? '请联系人社部门'}`}</Text>
          <View className='card__actions'>
            <ActionButton small kind='secondary' onClick={() => void Taro.navigateTo({ url: '/packages/employer/filing/index' })}>
              查看备案
            </ActionButton>
          </View>
        </View>
      )}
      {employer?.status === 'approved' && (
        <View className='page-actions'>
          <ActionButton onClick={() => void Taro.navigateTo({ url: '/packages/employer/post-form/index' })}>+ 发布新岗位</ActionButton>
          <ActionButton kind='secondary' onClick={() => void Taro.navigateTo({ url: '/packages/employer/applicants/index' })}>
            查看全部应聘人员
          </ActionButton>
          <ActionButton kind='secondary' onClick={() => void Taro.navigateTo({ url: '/packages/employer/sharing/index' })}>
            用工余缺调剂
          </ActionButton>
        </View>
      )}
      {posts === null && <Text className='hint'>正在加载…</Text>}
      {employer?.status === 'approved' && posts?.length === 0 && <Text className='hint'>还没有发布岗位。发布一个只要两分钟。</Text>}
      {posts?.map((p) => (
        <View key={p.id} className='card' role='article' aria-label={p.title}>
          <Text className='card__title'>{p.title}</Text>
          <Text className={`tag ${TONE[p.status] ?? ''}`}>{p.statusLabel || STATUS[p.status] || p.status}</Text>
          <Text className='card__meta'>
            {p.typeLabel} · {p.pay.text} · 已招{p.filledCount}/{p.headcount}人
          </Text>
          <Text className='card__meta'>
            {p.schedule.text} · 截止 {formatDate(p.validUntil)}
          </Text>
          {p.status === 'taken_down' && p.takedownReason && <Text className='card__text'>下架原因：{p.takedownReason}</Text>}
          <View className='card__actions'>
            <ActionButton
              small
              label={`${p.title}的应聘人员`}
              onClick={() => void Taro.navigateTo({ url: `/packages/employer/applicants/index?postId=${encodeURIComponent(p.id)}&title=${encodeURIComponent(p.title)}` })}
            >
              应聘人员
            </ActionButton>
            <ActionButton small kind='secondary' label={`查看${p.title}`} onClick={() => void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(p.id)}` })}>
              查看
            </ActionButton>
          </View>
        </View>
      ))}
      <StaffFooter />
    </View>
  )
}
