import { Text, View } from '@tarojs/components'
import { FOLLOW_UP_KIND_LABELS, FOLLOW_UP_STATUS_LABELS, type FollowUpKind, type FollowUpStatus } from '@mamagang/domain'
import type { Plan, PlanItem } from '../../types/api'
import './index.scss'

const TONE: Record<string, string> = { done: 'ok', due: 'warn', overdue: 'bad', upcoming: 'info', stopped: '' }

export interface PlanTimelineProps {
  plan: Plan
  /** Station desk: tap an open item to record it. */
  onItem?: (item: PlanItem) => void
}

function statusLabel(item: PlanItem): string {
  return item.statusLabel || FOLLOW_UP_STATUS_LABELS[item.status as FollowUpStatus] || item.status
}

/** The 12333 plan as a timeline: done items with their date, then what comes next. */
export default function PlanTimeline({ plan, onItem }: PlanTimelineProps) {
  const items = [...plan.items].sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  const next = items.find((i) => i.status !== 'done' && i.status !== 'stopped')
  const percent = Math.round((plan.completionRate ?? 0) * 100)
  return (
    <View className='plan'>
      <View className='plan__summary' role='status'>
        <Text className='plan__rate'>已完成 {percent}%</Text>
        {plan.hired && <Text className='tag tag--ok'>已就业</Text>}
        <View className='plan__counts'>
          {Object.entries(plan.counts).map(([kind, c]) => (
            <Text key={kind} className='plan__count'>
              {c.label || FOLLOW_UP_KIND_LABELS[kind as FollowUpKind] || kind}：{c.done}/{c.required}
            </Text>
          ))}
        </View>
        {next && (
          <Text className='plan__next'>
            下一项：{next.kindLabel}（{next.dueOn} 前）
          </Text>
        )}
      </View>
      <View className='plan__items' role='list' aria-label='服务时间线'>
        {items.map((item) => (
          <View
            key={item.id}
            className={`plan__item plan__item--${item.status}`}
            role='listitem'
            onClick={onItem && item.status !== 'done' && item.status !== 'stopped' ? () => onItem(item) : undefined}
          >
            <View className='plan__dot' aria-hidden />
            <View className='plan__body'>
              <Text className='plan__title'>
                {item.kindLabel || FOLLOW_UP_KIND_LABELS[item.kind]} 第{item.seq}次
              </Text>
              <Text className='plan__date'>{item.status === 'done' && item.servedOn ? `${item.servedOn} 已完成` : `${item.dueOn} 前完成`}</Text>
              <Text className={`tag tag--${TONE[item.status] ?? ''}`}>{statusLabel(item)}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
