import { Text, View } from '@tarojs/components'
import type { FairSummary } from '../../types/fairs'
import { formatDistance } from '../../utils/format'

export interface FairCardProps {
  fair: FairSummary
  onOpen: () => void
}

/** One fair in a list: when, where (or online), seats left, what is arranged for children. */
export default function FairCard({ fair, onOpen }: FairCardProps) {
  const distance = formatDistance(fair.distanceKm)
  const tone = fair.status === 'cancelled' ? 'tag--bad' : fair.seatsLeft > 0 ? 'tag--ok' : 'tag--warn'
  return (
    <View className='card' role='article' aria-label={fair.title} onClick={onOpen}>
      <Text className='card__title'>{fair.title}</Text>
      <Text className='card__meta'>
        {fair.date} {fair.startTime}-{fair.endTime} · {fair.modeLabel}
      </Text>
      <Text className='card__meta'>{fair.mode === 'online' ? '线上参加' : `${fair.address ?? ''}${distance ? ` · ${distance}` : ''}`}</Text>
      {fair.childFriendly && <Text className='card__text'>亲子安排：{fair.childFriendly}</Text>}
      <Text className='card__meta'>
        {fair.employerCount}家单位 · {fair.postCount}个岗位 · 剩余名额{fair.seatsLeft}/{fair.seats}
      </Text>
      <Text className={`tag ${tone}`}>{fair.mySignup && fair.mySignup.status !== 'cancelled' ? fair.mySignup.statusLabel : fair.statusLabel}</Text>
    </View>
  )
}
