import { Text, View } from '@tarojs/components'
import type { PostSummary } from '../../types/post'
import { formatDistance, formatHourlyEquivalent, formatPay } from '../../utils/format'
import './index.scss'

export interface PostCardProps {
  post: PostSummary
  /** Called with the post id when the card is tapped (open the detail page). */
  onTap?: (id: string) => void
  /** Hide the match reasons (e.g. on the employer's own list). */
  hideReasons?: boolean
}

export default function PostCard({ post, onTap, hideReasons = false }: PostCardProps) {
  const pay = formatPay(post.pay)
  const hourly = formatHourlyEquivalent(post.pay)
  const distance = formatDistance(post.distanceKm)
  const reasons = hideReasons ? [] : post.matchReasons.filter((reason) => reason.trim().length > 0)

  return (
    <View
      className='post-card'
      role='button'
      aria-label={`${post.title}，${post.employerName}，${pay}`}
      hoverClass='post-card--pressed'
      onClick={() => onTap?.(post.id)}
    >
      <View className='post-card__head'>
        <Text className='post-card__title'>{post.title}</Text>
        {distance && <Text className='post-card__distance'>{distance}</Text>}
      </View>
      <Text className='post-card__employer'>
        {post.employerName}
        {post.postTypeLabel ? ` · ${post.postTypeLabel}` : ''}
      </Text>
      <View className='post-card__pay'>
        <Text className='post-card__pay-main'>{pay}</Text>
        {hourly && <Text className='post-card__pay-hourly'>{hourly}</Text>}
      </View>
      <Text className='post-card__hours'>工作时间：{post.hoursText}</Text>
      {reasons.length > 0 && (
        <View className='post-card__tags' role='list' aria-label='推荐理由'>
          {reasons.map((reason) => (
            <View key={reason} className='post-card__tag' role='listitem'>
              <Text>{reason}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
