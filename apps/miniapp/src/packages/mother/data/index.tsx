import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import MyData from '../../../components/MyData'
import { signOut } from '../../../services/auth'
import { deleteMyAccount, getMyData, type PersonalData } from '../../../services/my-data'

/** 我的数据: see and export what the platform holds about her, who viewed it, and close her account. */
export default function MyDataPage() {
  const [data, setData] = useState<PersonalData | null>(null)
  const [failed, setFailed] = useState(false)

  useDidShow(() => {
    getMyData()
      .then(setData)
      .catch(() => setFailed(true))
  })

  const exportAll = () => {
    if (!data) return
    void Taro.setClipboardData({ data: JSON.stringify(data, null, 2) }).then(() => Taro.showToast({ title: '已复制全部数据', icon: 'none' }))
  }

  const remove = async (confirm: string) => {
    await deleteMyAccount(confirm)
    signOut()
    await Taro.showToast({ title: '账号已注销', icon: 'none' })
    await Taro.reLaunch({ url: '/pages/index/index' })
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>我的数据</Text>
      </View>
      {!data && !failed && <Text className='hint'>正在加载…</Text>}
      {failed && <Text className='hint'>暂时无法加载，请稍后再试。</Text>}
      {data && <MyData data={data} onExport={exportAll} onDelete={remove} />}
    </View>
  )
}
