import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import HitList from '../../components/HitList'
import { usePagedHits } from '../../hooks/usePagedHits'
import { currentMe, go, hasRole, landingFor } from '../../services/auth'
import { getMyProfile } from '../../services/mothers'
import { listRecommended } from '../../services/posts'
import { privacyAccepted } from '../../services/privacy'
import type { MotherProfile } from '../../types/api'
import './index.scss'

/** Home: the posts recommended for her, from her profile (stage, free time, home, wishes). */
export default function HomePage() {
  const [profile, setProfile] = useState<MotherProfile | null>(null)
  const fetchPage = useCallback((page: number) => listRecommended(page, { silent: true }), [])
  const list = usePagedHits(fetchPage)
  const started = useRef(false)

  useDidShow(() => {
    const me = currentMe()
    if (!privacyAccepted() || !me) {
      go('/pages/onboarding/index')
      return
    }
    if (!hasRole(me, 'mother')) {
      // Staff land on their own workspace; a new account answers the first-run questions.
      go(landingFor(me))
      return
    }
    if (!started.current) {
      started.current = true
      void list.reload()
      getMyProfile({ silent: true })
        .then(setProfile)
        .catch(() => setProfile(null))
    }
  })

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  return (
    <View className='page home'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>为您推荐的妈妈岗</Text>
      </View>
      <Text className='hint'>
        {profile
          ? `${profile.stageLabel ? `${profile.stageLabel} · ` : ''}有空时间：${profile.availableText || '未填写'}`
          : '根据孩子的年龄、您有空的时间和离家距离推荐。'}
      </Text>
      <View className='home__search' role='link' onClick={() => go('/pages/search/index')}>
        <Text>按距离、类型、时薪筛选更多岗位 ›</Text>
      </View>
      <HitList
        hits={list.items}
        state={list.state}
        hasMore={list.hasMore}
        onMore={() => void list.loadMore()}
        onRetry={() => void list.reload()}
        center={profile?.home ?? null}
        empty='暂时没有合适的岗位，可以到“搜索”放宽条件看看。'
        source='recommended'
      />
    </View>
  )
}
