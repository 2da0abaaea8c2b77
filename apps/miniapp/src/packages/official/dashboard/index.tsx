import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/Form'
import Tabs from '../../../components/Tabs'
import { listFilings } from '../../../services/employers'
import { getMonitoring } from '../../../services/monitoring'
import { getWorklist } from '../../../services/stations'
import type { Figures, Monitoring } from '../../../types/api'
import './index.scss'

type GroupBy = Monitoring['groupBy']

const GROUPS: { value: GroupBy; label: string }[] = [
  { value: 'district', label: '按区县' },
  { value: 'type', label: '按岗位类型' },
  { value: 'stage', label: '按育儿阶段' },
]

const pct = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`)

/** The headline figures of a period, in words an official reads aloud in a meeting. */
export function headline(f: Figures): { label: string; value: string }[] {
  return [
    { label: '新发布岗位', value: String(f.posts.new) },
    { label: '在招岗位', value: String(f.posts.open) },
    { label: '申请人次', value: String(f.applications) },
    { label: '求职妈妈', value: String(f.applicants) },
    { label: '录用人数', value: String(f.hires) },
    { label: '登记到就业（中位数）', value: f.daysToEmployment.median === null ? '—' : `${f.daysToEmployment.median}天` },
    { label: '12333服务完成率', value: f.followUp ? pct(f.followUp.rate) : '—' },
    { label: '签劳动合同的岗位', value: pct(f.quality.labourContractShare) },
    { label: '缴社保的岗位', value: pct(f.quality.socialInsuranceShare) },
    { label: '达到最低工资的岗位', value: pct(f.quality.meetsMinimumWageShare) },
    { label: '专场招聘会（场）', value: f.fairs ? String(f.fairs.fairs) : '—' },
    { label: '招聘会、直播带岗录用', value: f.fairs ? String(f.fairs.fairHires + f.fairs.livestreamHires) : '—' },
  ]
}

/** Her region's figures (the last 30 days), broken down by district, type or stage. */
export default function OfficialDashboardPage() {
  const [groupBy, setGroupBy] = useState<GroupBy>('district')
  const [data, setData] = useState<Monitoring | null>(null)
  const [fallback, setFallback] = useState<{ label: string; value: string }[] | null>(null)

  const load = (g: GroupBy) => {
    getMonitoring({ groupBy: g })
      .then((m) => {
        setData(m)
        setFallback(null)
      })
      .catch(() => {
        // Without the monitoring figures, show what the work queues say.
        const count = <T,>(p: Promise<T[]>) => p.then((l) => String(l.length)).catch(() => '—')
        const queue = (status: 'due' | 'overdue') =>
          getWorklist('region', status)
            .then((w) => String(w.counts[status]))
            .catch(() => '—')
        void Promise.all([count(listFilings('pending')), queue('due'), queue('overdue')]).then(([pending, due, overdue]) =>
          setFallback([
            { label: '待审核备案', value: pending },
            { label: '12333服务即将到期', value: due },
            { label: '12333服务已逾期', value: overdue },
          ]),
        )
      })
  }

  useDidShow(() => load(groupBy))

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>数据看板{data ? `：${data.regionName}` : ''}</Text>
      </View>
      {data && (
        <Text className='hint'>
          {data.from} 至 {data.to}
        </Text>
      )}
      {!data && !fallback && <Text className='hint'>正在统计…</Text>}
      <View className='page-actions'>
        <ActionButton kind='secondary' small onClick={() => void Taro.navigateTo({ url: '/packages/fairs/manage/index' })}>
          专场招聘会
        </ActionButton>
      </View>
      <View className='dashboard' role='list' aria-label='本地区数据'>
        {(data ? headline(data.totals) : (fallback ?? [])).map((f) => (
          <View key={f.label} className='card' role='listitem'>
            <Text className='card__meta'>{f.label}</Text>
            <Text className='card__title'>{f.value}</Text>
          </View>
        ))}
      </View>
      {data && (
        <>
          <Tabs
            label='分组方式'
            tabs={GROUPS}
            value={groupBy}
            onChange={(g) => {
              setGroupBy(g)
              load(g)
            }}
          />
          {data.groups.map((g) => (
            <View key={g.key} className='card' role='article' aria-label={g.label}>
              <Text className='card__title'>{g.label}</Text>
              <Text className='card__text'>
                新岗位 {g.figures.posts.new} · 申请 {g.figures.applications} · 录用 {g.figures.hires}
              </Text>
              <Text className='card__meta'>
                劳动合同 {pct(g.figures.quality.labourContractShare)} · 社保 {pct(g.figures.quality.socialInsuranceShare)}
                {g.figures.followUp ? ` · 12333完成 ${pct(g.figures.followUp.rate)}` : ''}
              </Text>
            </View>
          ))}
        </>
      )}
    </View>
  )
}
