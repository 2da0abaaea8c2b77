import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { LoadState } from '../../hooks/usePagedHits'
import type { GeoPoint, SearchHit } from '../../types/api'
import { ActionButton } from '../Form'
import PostCard from '../PostCard'
import PostMap from '../PostMap'
import './index.scss'

export interface HitListProps {
  hits: SearchHit[]
  state: LoadState
  hasMore: boolean
  onMore: () => void
  onRetry: () => void
  /** Centre of the map view. */
  center?: GeoPoint | null
  empty: string
  /** Where she found the posts, passed on to her application ('recommended' on the home page). */
  source?: 'recommended' | 'search'
}

/** Results as a list of cards (20 a page, "加载更多" at the end) or on a map. */
export default function HitList({ hits, state, hasMore, onMore, onRetry, center = null, empty, source = 'search' }: HitListProps) {
  const [view, setView] = useState<'list' | 'map'>('list')
  const open = useCallback(
    (id: string) => void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(id)}&from=${source}` }),
    [source],
  )

  return (
    <View className='hit-list'>
      <View className='hit-list__views' role='tablist' aria-label='显示方式'>
        {(['list', 'map'] as const).map((v) => (
          <View
            key={v}
            className={`hit-list__view${view === v ? ' hit-list__view--on' : ''}`}
            role='tab'
            aria-selected={view === v}
            onClick={() => setView(v)}
          >
            <Text>{v === 'list' ? '列表' : '地图'}</Text>
          </View>
        ))}
      </View>
      {state === 'error' && hits.length === 0 && (
        <View className='hit-list__status'>
          <Text className='hint'>暂时无法加载岗位，请检查网络后重试。</Text>
          <ActionButton kind='secondary' onClick={onRetry}>
            重新加载
          </ActionButton>
        </View>
      )}
      {state === 'ready' && hits.length === 0 && <Text className='hint'>{empty}</Text>}
      {view === 'map' ? (
        <PostMap hits={hits} center={center} onTap={open} />
      ) : (
        <View className='hit-list__cards' aria-label='岗位列表'>
          {hits.map((hit) => (
            <PostCard key={hit.post.id} post={hit.post} distanceKm={hit.distanceKm} hourly={hit.hourly} reasons={hit.reasons} onTap={open} />
          ))}
        </View>
      )}
      {state === 'loading' && <Text className='hint'>正在加载…</Text>}
      {state !== 'loading' && hasMore && (
        <View className='hit-list__more'>
          <ActionButton kind='secondary' onClick={onMore}>
            加载更多
          </ActionButton>
        </View>
      )}
      {state === 'ready' && !hasMore && hits.length > 0 && <Text className='hint hit-list__end'>已经到底了</Text>}
    </View>
  )
}
