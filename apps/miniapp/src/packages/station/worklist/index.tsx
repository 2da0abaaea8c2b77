import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import StaffFooter from '../../../components/StaffFooter'
import { ActionButton, TextInput } from '../../../components/Form'
import Tabs from '../../../components/Tabs'
import { currentMe, go } from '../../../services/auth'
import { getWorklist, listStationMothers, type WorklistStatus } from '../../../services/stations'
import { myStation } from '../../../services/workspace'
import type { StationMother, Worklist } from '../../../types/api'

const TABS: { value: WorklistStatus; label: string }[] = [
  { value: 'due', label: '即将到期' },
  { value: 'overdue', label: '已逾期' },
  { value: 'done', label: '已完成' },
]

const openMother = (id: string, name: string) => () =>
  void Taro.navigateTo({ url: `/packages/station/mother/index?id=${encodeURIComponent(id)}&name=${encodeURIComponent(name)}` })

/** The station's day: services due and overdue, the mothers registered here, register a new one. */
export default function StationWorklistPage() {
  const [status, setStatus] = useState<WorklistStatus>('due')
  const [list, setList] = useState<Worklist | null>(null)
  const [q, setQ] = useState('')
  const [mothers, setMothers] = useState<StationMother[] | null>(null)
  const station = myStation()

  const load = (s: WorklistStatus) => {
    setList(null)
    getWorklist('station', s)
      .then(setList)
      .catch(() => setList({ items: [], counts: { due: 0, overdue: 0, done: 0 }, page: 1, hasMore: false }))
  }
  const search = (text: string) => {
    if (!station) return
    listStationMothers(station.stationId, text)
      .then(setMothers)
      .catch(() => setMothers([]))
  }

  useDidShow(() => {
    if (!currentMe()) {
      go('/pages/login/index')
      return
    }
    load(status)
    search(q)
  })

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>服务工作台</Text>
      </View>
      {!station && <Text className='hint'>您的账号还没有分配到驿站，请联系人社部门。</Text>}
      <View className='page-actions'>
        <ActionButton onClick={() => void Taro.navigateTo({ url: '/packages/station/register/index' })}>+ 登记新宝妈</ActionButton>
        <ActionButton kind='secondary' onClick={() => void Taro.navigateTo({ url: '/packages/fairs/manage/index' })}>
          专场招聘会
        </ActionButton>
      </View>
      <Tabs
        label='服务状态'
        tabs={TABS.map((t) => ({ ...t, label: list ? `${t.label}（${list.counts[t.value]}）` : t.label }))}
        value={status}
        onChange={(s) => {
          setStatus(s)
          load(s)
        }}
      />
      {list === null && <Text className='hint'>正在加载…</Text>}
      {list?.items.length === 0 && <Text className='hint'>{status === 'overdue' ? '没有逾期的服务。' : status === 'due' ? '近期没有到期的服务。' : '还没有完成的服务。'}</Text>}
      {list?.items.map(({ mother, item }) => (
        <View key={`${mother.id}-${item.id}`} className='card' role='article' aria-label={`${mother.nameMasked} ${item.kindLabel}`} onClick={openMother(mother.id, mother.nameMasked)}>
          <Text className='card__title'>{mother.nameMasked}</Text>
          {mother.phoneMasked && <Text className='card__meta'>{mother.phoneMasked}</Text>}
          <Text className='card__text'>
            {item.kindLabel} 第{item.seq}次
          </Text>
          <Text className={`tag ${status === 'overdue' ? 'tag--bad' : status === 'due' ? 'tag--warn' : 'tag--ok'}`}>
            {status === 'done' && item.servedOn ? `${item.servedOn} 已完成` : `${item.dueOn} 前完成`}
          </Text>
        </View>
      ))}

      <View role='heading' aria-level={2}>
        <Text className='section-title'>本驿站登记的宝妈</Text>
      </View>
      <View className='page-actions'>
        <TextInput label='按姓名或手机尾号查找' value={q} onChange={setQ} onConfirm={() => search(q)} placeholder='姓名或手机尾号' />
        <ActionButton kind='secondary' small onClick={() => search(q)}>
          查找
        </ActionButton>
      </View>
      {mothers?.length === 0 && <Text className='hint'>没有找到。</Text>}
      {mothers?.map((m) => (
        <View key={m.id} className='card' role='article' aria-label={m.name} onClick={openMother(m.id, m.name)}>
          <Text className='card__title'>{m.name}</Text>
          <Text className='card__meta'>
            {m.phoneMasked} {m.stageLabel ? `· ${m.stageLabel}` : ''} {m.registeredOn ? `· ${m.registeredOn} 登记` : ''} {m.hiredOn ? '· 已就业' : ''}
          </Text>
        </View>
      ))}
      <StaffFooter />
    </View>
  )
}
