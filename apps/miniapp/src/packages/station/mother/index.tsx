import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { FollowUpKind } from '@mamagang/domain'
import { useState } from 'react'
import { ActionButton, Checkbox, ChoiceChips, Field, TextArea } from '../../../components/Form'
import CoursePicker from '../../../components/CoursePicker'
import PlanTimeline from '../../../components/PlanTimeline'
import { FOLLOW_UP_OPTIONS } from '../../../constants/options'
import { getMotherPlan, getNoticeCourses, getRecommendations, recordService } from '../../../services/stations'
import type { NoticeCourse, Plan, Recommendation, ServiceChannel } from '../../../types/api'
import { formatDistance } from '../../../utils/format'

const CHANNELS: { value: ServiceChannel; label: string }[] = [
  { value: 'in_person', label: '现场' },
  { value: 'phone', label: '电话' },
  { value: 'wechat', label: '微信' },
]

/** One mother's file at the station: her 12333 plan, record a service, recommend posts from her matches. */
export default function StationMotherPage() {
  const { params } = useRouter<{ id?: string; name?: string }>()
  const motherId = params.id ? decodeURIComponent(params.id) : ''
  const name = params.name ? decodeURIComponent(params.name) : ''
  const [plan, setPlan] = useState<Plan | null>(null)
  const [recs, setRecs] = useState<Recommendation[] | null>(null)
  const [kind, setKind] = useState<FollowUpKind>('policy_consultation')
  const [channel, setChannel] = useState<ServiceChannel>('in_person')
  const [content, setContent] = useState('')
  const [outcome, setOutcome] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [courses, setCourses] = useState<NoticeCourse[] | null>(null)
  const [pickedCourses, setPickedCourses] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [tried, setTried] = useState(false)

  const load = () => {
    getMotherPlan(motherId)
      .then(setPlan)
      .catch(() => setPlan(null))
    getRecommendations(motherId)
      .then(setRecs)
      .catch(() => setRecs([]))
    getNoticeCourses(motherId)
      .then(setCourses)
      .catch(() => setCourses([]))
  }

  useDidShow(() => {
    if (motherId) load()
  })

  const save = async (input: { kind: FollowUpKind; content: string; outcome: string; postIds?: string[]; courseIds?: string[] }) => {
    setBusy(true)
    try {
      await recordService(motherId, { ...input, servedAt: new Date().toISOString(), channel })
      void Taro.showToast({ title: '服务已记录', icon: 'success' })
      setContent('')
      setOutcome('')
      setPicked([])
      setPickedCourses([])
      setTried(false)
      load()
    } catch {
      // http.ts showed the reason
    } finally {
      setBusy(false)
    }
  }

  // A training notice names the courses ticked (her city's open ones); with none, the content says it all.
  const namedCourses = kind === 'training_notice' ? (courses ?? []).filter((c) => pickedCourses.includes(c.id)) : []

  const record = () => {
    setTried(true)
    const text = content.trim() || (namedCourses.length > 0 ? `推荐培训课程：${namedCourses.map((c) => c.title).join('、')}` : '')
    if (!text) return
    void save({ kind, content: text, outcome: outcome.trim(), ...(namedCourses.length > 0 ? { courseIds: namedCourses.map((c) => c.id) } : {}) })
  }

  const recommend = () => {
    if (!recs || picked.length === 0) return
    const titles = recs.filter((r) => picked.includes(r.post.id)).map((r) => `${r.post.title}（${r.post.employerName}）`)
    void save({ kind: 'job_recommendation', content: `推荐岗位：${titles.join('、')}`, outcome: '已推荐，等待宝妈决定', postIds: picked })
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>宝妈档案{name ? `：${name}` : ''}</Text>
      </View>
      {plan ? (
        <>
          <Text className='hint'>
            {plan.registeredOn} 登记，服务期至 {plan.deadline}
            {plan.hired ? `；${plan.hired.hiredOn} 已在${plan.hired.employerName ?? '单位'}就业` : ''}
          </Text>
          <PlanTimeline plan={plan} onItem={(item) => setKind(item.kind)} />
        </>
      ) : (
        <Text className='hint'>正在加载服务计划…</Text>
      )}

      <View role='heading' aria-level={2}>
        <Text className='section-title'>记录一次服务</Text>
      </View>
      <Field label='服务类型' required>
        <ChoiceChips label='服务类型' options={FOLLOW_UP_OPTIONS} value={kind} onChange={(v) => setKind(v as FollowUpKind)} />
      </Field>
      <Field label='服务方式'>
        <ChoiceChips label='服务方式' options={CHANNELS} value={channel} onChange={(v) => setChannel(v as ServiceChannel)} />
      </Field>
      {kind === 'training_notice' && (
        <Field label='推荐课程'>
          <CoursePicker courses={courses} picked={pickedCourses} onChange={setPickedCourses} />
        </Field>
      )}
      <Field label='服务内容' required={namedCourses.length === 0} error={tried && !content.trim() && namedCourses.length === 0 ? '请填写服务内容' : null}>
        <TextArea label='服务内容' value={content} onChange={setContent} maxLength={2000} placeholder='例如：讲解灵活就业社保补贴政策' />
      </Field>
      <Field label='结果'>
        <TextArea label='结果' value={outcome} onChange={setOutcome} maxLength={1000} placeholder='例如：宝妈已了解，准备申请' />
      </Field>
      <View className='page-actions'>
        <ActionButton busy={busy} onClick={record}>
          保存服务记录
        </ActionButton>
      </View>

      {plan && plan.services.length > 0 && (
        <>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>服务记录</Text>
          </View>
          {plan.services.map((s) => (
            <View key={s.id} className='card' role='article' aria-label={`${s.servedOn} ${s.kindLabel}`}>
              <Text className='card__title'>
                {s.servedOn} · {s.kindLabel}（{s.channelLabel}）
              </Text>
              <Text className='card__text'>{s.content}</Text>
              {s.outcome && <Text className='card__meta'>结果：{s.outcome}</Text>}
              {s.posts.length > 0 && <Text className='card__meta'>推荐：{s.posts.map((p) => p.title).join('、')}</Text>}
              {s.courses && s.courses.length > 0 && <Text className='card__meta'>课程：{s.courses.map((c) => c.title).join('、')}</Text>}
            </View>
          ))}
        </>
      )}

      <View role='heading' aria-level={2}>
        <Text className='section-title'>为她推荐岗位</Text>
      </View>
      <Text className='hint'>按她的孩子阶段、有空时间和住址匹配；勾选后点“推荐给她”，记为一次岗位推荐服务。</Text>
      {recs === null && <Text className='hint'>正在匹配…</Text>}
      {recs?.length === 0 && <Text className='hint'>暂时没有匹配的岗位。</Text>}
      {recs?.map((r) => (
        <View key={r.post.id} className='card' role='article' aria-label={r.post.title}>
          <Checkbox
            name={`选择${r.post.title}`}
            checked={picked.includes(r.post.id)}
            onChange={(on) => setPicked((list) => (on ? [...list, r.post.id] : list.filter((id) => id !== r.post.id)))}
            label={
              <View>
                <Text className='card__title'>{r.post.title}</Text>
                <Text className='card__meta'>
                  {' '}
                  {r.post.employerName}
                  {formatDistance(r.distanceKm) ? ` · ${formatDistance(r.distanceKm)}` : ''} · 匹配度 {Math.round(r.score)}
                </Text>
              </View>
            }
          />
          {r.reasons.length > 0 && <Text className='card__meta'>{r.reasons.join('；')}</Text>}
        </View>
      ))}
      {recs && recs.length > 0 && (
        <View className='page-actions'>
          <ActionButton busy={busy} disabled={picked.length === 0} onClick={recommend}>
            推荐给她（{picked.length}个）
          </ActionButton>
        </View>
      )}
    </View>
  )
}
