import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, Alert, Checkbox, ChoiceChips, Field, TextArea, TextInput } from '../../../components/Form'
import LocationField, { effectivePoint, type LocationValue } from '../../../components/LocationField'
import { currentMe, grantsOf } from '../../../services/auth'
import { DEFAULT_CITY, listRegions } from '../../../services/catalogue'
import { createFair, listCandidateEmployers } from '../../../services/fairs'
import { ApiError } from '../../../services/http'
import type { Region } from '../../../types/api'
import type { FairEmployer, FairMode } from '../../../types/fairs'
import { todayInChina } from '../../../utils/format'
import { checkFairForm, type FairFormValues } from './check'

function tomorrow(): string {
  return todayInChina(new Date(Date.now() + 86_400_000))
}

/** Publish a fair: what, online or where, when, for children, seats, and the employers with the posts they bring. */
export default function FairFormPage() {
  const me = currentMe()
  const homeRegion = grantsOf(me, 'station_worker')[0]?.regionCode ?? grantsOf(me, 'official')[0]?.regionCode ?? DEFAULT_CITY
  const [regions, setRegions] = useState<Region[]>([])
  const [candidates, setCandidates] = useState<FairEmployer[] | null>(null)
  const [values, setValues] = useState<FairFormValues>({
    title: '',
    mode: 'onsite',
    date: tomorrow(),
    startTime: '09:00',
    endTime: '11:30',
    seats: '100',
    childFriendly: '现场设儿童托管区和母婴室，可带孩子参加',
    onlineUrl: '',
    description: '',
  })
  const [place, setPlace] = useState<LocationValue>({ regionCode: homeRegion.endsWith('00') ? '' : homeRegion, point: null, address: '' })
  const [chosen, setChosen] = useState<Record<string, string[]>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useLoad(() => {
    listRegions(DEFAULT_CITY)
      .then(setRegions)
      .catch(() => setRegions([]))
    listCandidateEmployers()
      .then(setCandidates)
      .catch(() => setCandidates([]))
  })

  const set = <K extends keyof FairFormValues>(key: K) => (value: FairFormValues[K]) => setValues({ ...values, [key]: value })
  const togglePost = (employerId: string, postId: string, on: boolean) => {
    const list = chosen[employerId] ?? []
    setChosen({ ...chosen, [employerId]: on ? [...list, postId] : list.filter((p) => p !== postId) })
  }

  const submit = async () => {
    const point = effectivePoint(place, regions)
    const problems = checkFairForm(values, { address: place.address, hasPoint: point !== null })
    setErrors(problems)
    setFailure(null)
    if (Object.keys(problems).length > 0) return
    setBusy(true)
    try {
      const fair = await createFair({
        title: values.title.trim(),
        description: values.description.trim() || undefined,
        mode: values.mode,
        regionCode: values.mode === 'onsite' && place.regionCode ? place.regionCode : undefined,
        address: values.mode === 'onsite' ? place.address.trim() : undefined,
        location: values.mode === 'onsite' && point ? point : undefined,
        onlineUrl: values.mode === 'online' && values.onlineUrl.trim() ? values.onlineUrl.trim() : undefined,
        date: values.date,
        startTime: values.startTime,
        endTime: values.endTime,
        childFriendly: values.childFriendly.trim() || undefined,
        seats: Number(values.seats),
        employers: Object.entries(chosen)
          .filter(([, posts]) => posts.length > 0)
          .map(([employerId, postIds]) => ({ employerId, postIds })),
      })
      void Taro.showToast({ title: '招聘会已发布', icon: 'none' })
      void Taro.redirectTo({ url: `/packages/fairs/desk/index?id=${encodeURIComponent(fair.id)}` })
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : '发布失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>发布招聘会</Text>
      </View>
      <Field label='招聘会名称' required error={errors.title}>
        <TextInput label='招聘会名称' value={values.title} onChange={set('title')} maxLength={60} placeholder='如：环翠区妈妈岗冬季专场招聘会' />
      </Field>
      <Field label='举办形式' required>
        <ChoiceChips<FairMode>
          label='举办形式'
          options={[
            { value: 'onsite', label: '现场招聘会' },
            { value: 'online', label: '线上招聘会' },
          ]}
          value={values.mode}
          onChange={(v) => set('mode')(v as FairMode)}
        />
      </Field>
      {values.mode === 'onsite' ? (
        <Field label='举办地点' required error={errors.place}>
          <LocationField label='举办地点' regions={regions} value={place} onChange={setPlace} withAddress />
        </Field>
      ) : (
        <Field label='线上地址（可不填）' error={errors.onlineUrl}>
          <TextInput label='线上地址' value={values.onlineUrl} onChange={set('onlineUrl')} maxLength={500} placeholder='https://' />
        </Field>
      )}
      <Field label='日期' required hint='年-月-日' error={errors.date}>
        <TextInput label='日期' value={values.date} onChange={set('date')} maxLength={10} placeholder='2026-12-05' />
      </Field>
      <Field label='时间' required hint='时:分，如 09:00 至 11:30' error={errors.time}>
        <View className='page-actions'>
          <TextInput label='开始时间' value={values.startTime} onChange={set('startTime')} maxLength={5} />
          <TextInput label='结束时间' value={values.endTime} onChange={set('endTime')} maxLength={5} />
        </View>
      </Field>
      <Field label='亲子安排' hint='儿童托管、母婴室、能否带孩子'>
        <TextArea label='亲子安排' value={values.childFriendly} onChange={set('childFriendly')} maxLength={300} />
      </Field>
      <Field label='报名名额' required error={errors.seats}>
        <TextInput label='报名名额' kind='number' value={values.seats} onChange={set('seats')} maxLength={5} />
      </Field>
      <Field label='介绍（可不填）'>
        <TextArea label='介绍' value={values.description} onChange={set('description')} maxLength={1000} />
      </Field>

      <View role='heading' aria-level={2}>
        <Text className='section-title'>参会单位和岗位</Text>
      </View>
      <Text className='hint'>勾选已备案单位带来的在招岗位；也可以先发布，之后再补充。</Text>
      {candidates === null && <Text className='hint'>正在加载本地区的用人单位…</Text>}
      {candidates?.length === 0 && <Text className='hint'>本地区暂无在招岗位。</Text>}
      {candidates?.map((e) => (
        <View key={e.id} className='card' role='group' aria-label={e.name}>
          <Text className='card__title'>{e.name}</Text>
          {e.posts.map((p) => (
            <Checkbox
              key={p.id}
              label={`${p.title}（${p.hourlyText}）`}
              name={`${e.name}：${p.title}`}
              checked={(chosen[e.id] ?? []).includes(p.id)}
              onChange={(on) => togglePost(e.id, p.id, on)}
            />
          ))}
        </View>
      ))}

      {failure && <Alert>{failure}</Alert>}
      <View className='page-actions'>
        <ActionButton busy={busy} onClick={() => void submit()}>
          发布招聘会
        </ActionButton>
      </View>
    </View>
  )
}
