import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import type { HourlyRange, PostSummary } from '../../types/api'
import { formatDistance, hourlyNote } from '../../utils/format'
import './index.scss'

export interface PostCardProps {
  post: PostSummary
  /** Kilometres from her home or position; null/undefined when unknown. */
  distanceKm?: number | null
  hourly?: HourlyRange | null
  /** Why it fits her (from the API's matching): 距您1.2公里, 9:00-15:00 都在您方便的时间内 ... */
  reasons?: string[]
  /** Called with the post id when the card is tapped (open the detail page). */
  onTap?: (id: string) => void
}

/** Facts a mother scans for, as short tags. */
function featureTags(post: PostSummary): string[] {
  const tags: string[] = []
  if (post.remote) tags.push('远程线上')
  if (post.takeHome) tags.push('可带回家做')
  if (post.facilities?.motherBabyRoom) tags.push('母婴室')
  if (post.facilities?.shuttleBus) tags.push('妈妈班车')
  if (post.facilities?.childMayCome) tags.push('可带孩子')
  return tags
}

const MAX_REASONS = 4

function PostCard({ post, distanceKm, hourly, reasons = [], onTap }: PostCardProps) {
  const hourlyText = hourlyNote(post.payText, post.hourlyText, hourly)
  const distance = formatDistance(distanceKm)
  // The strongest few: the list stays scannable; the detail page tells the rest.
  const shownReasons = reasons.filter((reason) => reason.trim().length > 0).slice(0, MAX_REASONS)
  const features = featureTags(post)

  return (
    <View
      className='post-card'
      role='button'
      aria-label={`${post.title}，${post.employerName}，${post.payText}`}
      hoverClass='post-card--pressed'
      onClick={() => onTap?.(post.id)}
    >
      <View className='post-card__head'>
        <Text className='post-card__title'>{post.title}</Text>
        {distance && <Text className='post-card__distance'>{distance}</Text>}
      </View>
      <Text className='post-card__employer'>
        {post.employerName}
        {post.typeLabel ? ` · ${post.typeLabel}` : ''}
        {post.friendly ? ' · 友好企业' : ''}
      </Text>
      <View className='post-card__pay'>
        <Text className='post-card__pay-main'>{post.payText}</Text>
        {hourlyText && <Text className='post-card__pay-hourly'>{hourlyText}</Text>}
      </View>
      <Text className='post-card__hours'>工作时间：{post.scheduleText}</Text>
      {features.length > 0 && (
        <View className='post-card__features' role='list' aria-label='岗位特点'>
          {features.map((tag) => (
            <View key={tag} className='post-card__feature' role='listitem'>
              <Text>{tag}</Text>
            </View>
          ))}
        </View>
      )}
      {shownReasons.length > 0 && (
        <View className='post-card__tags' role='list' aria-label='推荐理由'>
          {shownReasons.map((reason) => (
            <View key={reason} className='post-card__tag' role='listitem'>
              <Text>{reason}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** Memoised: appending a page of 20 to a long list re-renders only the new cards. */
export default memo(PostCard)
