import { Text, View } from '@tarojs/components'
import type { NoticeCourse } from '../../types/api'
import { Checkbox } from '../Form'

export interface CoursePickerProps {
  /** Open courses of her city (and online ones); null while loading. */
  courses: NoticeCourse[] | null
  picked: string[]
  onChange: (ids: string[]) => void
}

/** First session in China time, e.g. "12月1日 19:00". */
export function courseStart(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`
}

/** The courses a training notice can name: tick those to tell her about; none fits, write it in the content. */
export default function CoursePicker({ courses, picked, onChange }: CoursePickerProps) {
  if (courses === null) return <Text className='hint'>正在加载本地培训课程…</Text>
  if (courses.length === 0) return <Text className='hint'>本地暂时没有开放报名的培训课程，请在服务内容里写明培训信息。</Text>
  return (
    <View role='group' aria-label='可推荐的培训课程'>
      {courses.map((c) => (
        <Checkbox
          key={c.id}
          name={`培训课程：${c.title}`}
          checked={picked.includes(c.id)}
          onChange={(on) => onChange(on ? [...picked, c.id] : picked.filter((id) => id !== c.id))}
          label={
            <View>
              <Text className='card__title'>{c.title}</Text>
              <Text className='card__meta'>
                {' '}
                {c.providerName} · {courseStart(c.firstStartsAt)}开课{c.subsidised ? ' · 有补贴' : ''}
              </Text>
            </View>
          }
        />
      ))}
    </View>
  )
}
