import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import FairCard from '../../../components/FairCard'
import { ActionButton } from '../../../components/Form'
import { currentMe, go } from '../../../services/auth'
import { listManagedFairs } from '../../../services/fairs'
import type { FairSummary } from '../../../types/fairs'

/** Fairs of the station's or official's region: publish one, open one to check mothers in and see what came of it. */
export default function ManageFairsPage() {
  const [fairs, setFairs] = useState<FairSummary[] | null>(null)

  useDidShow(() => {
    if (!currentMe()) {
      go('/pages/login/index')
      return
    }
    listManagedFairs()
      .then(setFairs)
      .catch(() => setFairs([]))
  })

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>专场招聘会</Text>
      </View>
      <View className='page-actions'>
        <ActionButton onClick={() => void Taro.navigateTo({ url: '/packages/fairs/form/index' })}>+ 发布招聘会</ActionButton>
      </View>
      {fairs === null && <Text className='hint'>正在加载…</Text>}
      {fairs?.length === 0 && <Text className='hint'>本地区还没有招聘会。</Text>}
      {fairs?.map((f) => (
        <FairCard key={f.id} fair={f} onOpen={() => void Taro.navigateTo({ url: `/packages/fairs/desk/index?id=${encodeURIComponent(f.id)}` })} />
      ))}
    </View>
  )
}
