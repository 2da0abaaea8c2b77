import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import CheckInCode from '../../../components/CheckInCode'
import FairCard from '../../../components/FairCard'
import { ActionButton } from '../../../components/Form'
import Tabs from '../../../components/Tabs'
import { currentMe, hasRole } from '../../../services/auth'
import { listFairsNear, listMyFairSignups } from '../../../services/fairs'
import { locate } from '../../../services/location'
import type { FairSummary, MyFairSignup } from '../../../types/fairs'

type Tab = 'near' | 'mine'

const openFair = (id: string) => () => void Taro.navigateTo({ url: `/packages/mother/fair/index?id=${encodeURIComponent(id)}` })

/** Fairs near her (by her region, or by where she is when she asks) and her own sign-ups with their codes. */
export default function FairsPage() {
  const [tab, setTab] = useState<Tab>('near')
  const [fairs, setFairs] = useState<FairSummary[] | null>(null)
  const [mine, setMine] = useState<MyFairSignup[] | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [locating, setLocating] = useState(false)

  const loadNear = (point: { lat: number; lng: number } | null) => {
    setFairs(null)
    listFairsNear({ point }, { silent: true })
      .then((list) => {
        setFairs(list)
        setNote(point ? '按您当前的位置查找（位置不会被保存）' : '按您所在的地区查找')
      })
      .catch(() => {
        setFairs([])
        setNote('请点“按我的位置查找”，或先填写求职资料（所在地区）')
      })
  }
  const loadMine = () => {
    if (!hasRole(currentMe(), 'mother')) {
      setMine([])
      return
    }
    listMyFairSignups()
      .then(setMine)
      .catch(() => setMine([]))
  }

  useDidShow(() => {
    loadNear(null)
    loadMine()
  })

  const nearMe = async () => {
    setLocating(true)
    const here = await locate()
    setLocating(false)
    if (here) loadNear(here)
    else void Taro.showToast({ title: '未能获取位置，已按您所在地区查找', icon: 'none' })
  }

  const active = (mine ?? []).filter((s) => s.status !== 'cancelled')
  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>专场招聘会</Text>
      </View>
      <Text className='hint'>人社部门和驿站为宝妈举办的专场招聘，很多场次设有儿童托管区，可以带孩子参加。</Text>
      <Tabs
        label='招聘会'
        tabs={[
          { value: 'near', label: '附近的招聘会' },
          { value: 'mine', label: `我的报名（${active.length}）` },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'near' && (
        <View>
          <View className='page-actions'>
            <ActionButton kind='secondary' small busy={locating} onClick={() => void nearMe()}>
              按我的位置查找
            </ActionButton>
          </View>
          {note && <Text className='hint'>{note}</Text>}
          {fairs === null && <Text className='hint'>正在加载…</Text>}
          {fairs?.length === 0 && <Text className='hint'>附近暂时没有招聘会，过几天再来看看。</Text>}
          {fairs?.map((f) => <FairCard key={f.id} fair={f} onOpen={openFair(f.id)} />)}
        </View>
      )}
      {tab === 'mine' && (
        <View>
          {mine === null && <Text className='hint'>正在加载…</Text>}
          {mine?.length === 0 && <Text className='hint'>还没有报名招聘会。</Text>}
          {mine?.map((s) => (
            <View key={s.id} className='card' role='article' aria-label={`我的报名：${s.fair.title}`}>
              <Text className='card__title' onClick={openFair(s.fair.id)}>
                {s.fair.title}
              </Text>
              <Text className='card__meta'>
                {s.fair.date} {s.fair.startTime}-{s.fair.endTime} · {s.fair.mode === 'online' ? '线上参加' : s.fair.address}
              </Text>
              <Text className={`tag ${s.status === 'cancelled' ? '' : 'tag--ok'}`}>{s.statusLabel}</Text>
              {s.code && <CheckInCode code={s.code} checkedInAt={s.checkedInAt} />}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
