import { Text, View } from '@tarojs/components'
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import FilterBar, { DEFAULT_FILTER, type PostFilter } from '../../components/FilterBar'
import HitList from '../../components/HitList'
import { usePagedHits } from '../../hooks/usePagedHits'
import { currentMe, hasRole } from '../../services/auth'
import { regionCenter } from '../../services/catalogue'
import { locate } from '../../services/location'
import { searchPosts, type SearchOrigin } from '../../services/posts'
import { privacyAccepted } from '../../services/privacy'
import type { GeoPoint } from '../../types/api'
import './index.scss'

/** Search with filters and sort; distances from her saved home, or from where she is now. */
export default function SearchPage() {
  const [filter, setFilter] = useState<PostFilter>({ ...DEFAULT_FILTER })
  const [here, setHere] = useState<GeoPoint | null>(null)
  const isMother = hasRole(currentMe(), 'mother')

  const fetcherFor = useCallback(
    (next: PostFilter, point: GeoPoint | null) => async (page: number) => {
      // "Fits my hours" needs her free time, which only a signed-in mother has.
      const usable = isMother ? next : { ...next, fitsMyHours: false }
      // Distances from where she is, else her saved home, else (a visitor) the city centre.
      let origin: SearchOrigin = point ? { point } : isMother ? { from: 'home' } : null
      if (!origin) {
        const centre = await regionCenter()
        origin = centre ? { point: centre } : null
      }
      return searchPosts({ filter: usable, origin, page }, { silent: true })
    },
    [isMother],
  )
  const fetchPage = useCallback((page: number) => fetcherFor(filter, here)(page), [fetcherFor, filter, here])
  const list = usePagedHits(fetchPage)

  useLoad(() => {
    void list.reload()
  })

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  const changeFilter = (next: PostFilter) => {
    if (next.fitsMyHours && !isMother) {
      void Taro.showToast({ title: '登录并填写有空时间后可用', icon: 'none' })
      return
    }
    setFilter(next)
    void list.reload(fetcherFor(next, here))
  }

  const locateMe = async () => {
    if (!privacyAccepted()) {
      void Taro.navigateTo({ url: '/pages/onboarding/index?step=privacy' })
      return
    }
    const point = await locate()
    if (!point) {
      void Taro.showToast({ title: '未能获取位置，将按您登记的家庭位置计算', icon: 'none' })
      return
    }
    setHere(point)
    void list.reload(fetcherFor(filter, point))
  }

  return (
    <View className='page search'>
      <FilterBar value={filter} onChange={changeFilter} />
      <View className='search__origin'>
        <Text className='search__origin-text'>{here ? '距离按您现在的位置计算' : isMother ? '距离按您登记的家庭位置计算' : '距离按市中心计算，登录后按您家计算'}</Text>
        {!here && (
          <View className='search__locate' role='button' onClick={() => void locateMe()}>
            <Text>用现在的位置</Text>
          </View>
        )}
      </View>
      <HitList
        hits={list.items}
        state={list.state}
        hasMore={list.hasMore}
        onMore={() => void list.loadMore()}
        onRetry={() => void list.reload()}
        center={here}
        empty='没有符合条件的岗位，试试放宽距离或时薪。'
      />
    </View>
  )
}
