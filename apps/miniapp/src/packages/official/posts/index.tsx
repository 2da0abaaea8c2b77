import { Text, View } from '@tarojs/components'
import Taro, { useLoad, useReachBottom } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { ActionButton, Field, TextInput } from '../../../components/Form'
import PostCard from '../../../components/PostCard'
import { DEFAULT_FILTER } from '../../../components/FilterBar/filter'
import { usePagedHits } from '../../../hooks/usePagedHits'
import { regionCenter } from '../../../services/catalogue'
import { searchPosts, takeDownPost } from '../../../services/posts'
import { myOfficialRegion } from '../../../services/workspace'

/** Open posts around the centre of her region (50 km, nearest first, 20 a page); take one down with a reason. */
export default function OfficialPostsPage() {
  const fetchPage = useCallback(async (page: number) => {
    const centre = await regionCenter(myOfficialRegion() ?? undefined)
    return searchPosts({ filter: { ...DEFAULT_FILTER, radiusKm: 50, sort: 'distance' }, origin: centre ? { point: centre } : null, page }, { silent: true })
  }, [])
  const list = usePagedHits(fetchPage)
  const [removing, setRemoving] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [removed, setRemoved] = useState<string[]>([])

  useLoad(() => {
    void list.reload()
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const takeDown = async (id: string) => {
    if (!reason.trim()) {
      void Taro.showToast({ title: '请写明下架原因', icon: 'none' })
      return
    }
    const done = await takeDownPost(id, reason.trim()).catch(() => null)
    if (done) {
      setRemoved((r) => [...r, id])
      setRemoving(null)
      setReason('')
      void Taro.showToast({ title: '已下架，并通知了单位', icon: 'none' })
    }
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>岗位管理</Text>
      </View>
      <Text className='hint'>发现虚假岗位、违规收费或与目录不符的岗位，可以下架并写明原因，单位会收到通知。</Text>
      {list.state === 'loading' && list.items.length === 0 && <Text className='hint'>正在加载…</Text>}
      {list.items
        .filter((hit) => !removed.includes(hit.post.id))
        .map((hit) => (
          <View key={hit.post.id}>
            <PostCard post={hit.post} onTap={(id) => void Taro.navigateTo({ url: `/pages/post/index?id=${encodeURIComponent(id)}` })} />
            <View className='page-actions'>
              {removing === hit.post.id ? (
                <>
                  <Field label='下架原因' required>
                    <TextInput label='下架原因' value={reason} onChange={setReason} maxLength={200} />
                  </Field>
                  <ActionButton kind='danger' small onClick={() => void takeDown(hit.post.id)}>
                    确认下架
                  </ActionButton>
                </>
              ) : (
                <ActionButton kind='danger' small label={`下架${hit.post.title}`} onClick={() => setRemoving(hit.post.id)}>
                  下架
                </ActionButton>
              )}
            </View>
          </View>
        ))}
      {list.hasMore && (
        <View className='page-actions'>
          <ActionButton kind='secondary' onClick={() => void list.loadMore()}>
            加载更多
          </ActionButton>
        </View>
      )}
    </View>
  )
}
