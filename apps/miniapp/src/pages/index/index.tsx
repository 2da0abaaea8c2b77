import { Text, View } from '@tarojs/components'
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import PostCard from '../../components/PostCard'
import { locate } from '../../services/location'
import { listRecommended, type GeoPoint } from '../../services/posts'
import { getPrefs, needsOnboarding } from '../../services/prefs'
import type { PostSummary } from '../../types/post'
import './index.scss'

type LoadState = 'loading' | 'ready' | 'error'

export default function HomePage() {
  const [state, setState] = useState<LoadState>('loading')
  const [posts, setPosts] = useState<PostSummary[]>([])
  const [location, setLocation] = useState<GeoPoint | null>(null)

  const load = useCallback(async (where: GeoPoint | null) => {
    setState('loading')
    try {
      const page = await listRecommended({ prefs: getPrefs(), location: where }, { silent: true })
      setPosts(page.items)
      setState('ready')
    } catch {
      setState('error')
    }
  }, [])

  useLoad(() => {
    if (needsOnboarding()) {
      void Taro.reLaunch({ url: '/pages/onboarding/index' })
      return
    }
    void load(null)
  })

  usePullDownRefresh(() => {
    void load(location).finally(() => Taro.stopPullDownRefresh())
  })

  const locateMe = async () => {
    const where = await locate()
    if (!where) {
      void Taro.showToast({ title: '未能获取位置，将按其他条件推荐', icon: 'none' })
      return
    }
    setLocation(where)
    void load(where)
  }

  const openPost = (id: string) => {
    void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(id)}` })
  }

  return (
    <View className='page home'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>为您推荐的妈妈岗</Text>
      </View>
      <Text className='hint'>根据孩子的年龄、您能工作的时间和离家距离推荐，时间灵活，兼顾家庭。</Text>
      {!location && (
        <View className='home__locate' role='button' onClick={locateMe}>
          <Text>使用我的位置，看看离家近的岗位</Text>
        </View>
      )}
      {state === 'loading' && <Text className='hint'>正在为您推荐…</Text>}
      {state === 'error' && (
        <View className='home__status'>
          <Text className='hint'>暂时无法加载推荐岗位，请检查网络后重试。</Text>
          <View className='primary-action' role='button' onClick={() => void load(location)}>
            <Text>重新加载</Text>
          </View>
        </View>
      )}
      {state === 'ready' && posts.length === 0 && (
        <Text className='hint'>附近暂时没有合适的岗位，可以到“搜索”放宽条件看看。</Text>
      )}
      {state === 'ready' && posts.map((post) => <PostCard key={post.id} post={post} onTap={openPost} />)}
    </View>
  )
}
