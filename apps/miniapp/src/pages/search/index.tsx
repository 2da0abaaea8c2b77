import { Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import FilterBar, { type PostFilter } from '../../components/FilterBar'
import PostCard from '../../components/PostCard'
import { searchPosts } from '../../services/posts'
import { filterFromPrefs, getPrefs } from '../../services/prefs'
import type { PostSummary } from '../../types/post'
import './index.scss'

type LoadState = 'idle' | 'loading' | 'ready' | 'error'

export default function SearchPage() {
  const [keyword, setKeyword] = useState('')
  const [filter, setFilter] = useState<PostFilter>(() => filterFromPrefs(getPrefs()))
  const [state, setState] = useState<LoadState>('idle')
  const [posts, setPosts] = useState<PostSummary[]>([])
  const [total, setTotal] = useState(0)

  const run = useCallback(async (nextKeyword: string, nextFilter: PostFilter) => {
    setState('loading')
    try {
      const page = await searchPosts({ keyword: nextKeyword, filter: nextFilter }, { silent: true })
      setPosts(page.items)
      setTotal(page.total)
      setState('ready')
    } catch {
      setState('error')
    }
  }, [])

  useLoad(() => {
    void run(keyword, filter)
  })

  const changeFilter = (next: PostFilter) => {
    setFilter(next)
    void run(keyword, next)
  }

  return (
    <View className='page search'>
      <View className='search__box'>
        <Input
          className='search__input'
          type='text'
          confirmType='search'
          placeholder='搜岗位、单位，如“客服”“手工”'
          value={keyword}
          onInput={(event) => setKeyword(event.detail.value)}
          onConfirm={() => void run(keyword, filter)}
        />
        <View className='search__go' role='button' onClick={() => void run(keyword, filter)}>
          <Text>搜索</Text>
        </View>
      </View>
      <FilterBar value={filter} onChange={changeFilter} />
      {state === 'loading' && <Text className='hint'>正在搜索…</Text>}
      {state === 'error' && <Text className='hint'>暂时无法搜索岗位，请稍后再试。</Text>}
      {state === 'ready' && <Text className='hint'>共找到 {total} 个岗位</Text>}
      {state === 'ready' &&
        posts.map((post) => (
          <PostCard
            key={post.id}
            post={post}
            onTap={(id) => void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(id)}` })}
          />
        ))}
    </View>
  )
}
