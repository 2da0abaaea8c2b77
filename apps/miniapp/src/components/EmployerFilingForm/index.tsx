import { View } from '@tarojs/components'
import { checkLocationInRegion, validateMobile, validateUscc, type EmployerKind } from '@mamagang/domain'
import { useState } from 'react'
import { EMPLOYER_KIND_OPTIONS } from '../../constants/options'
import type { EmployerInput, Region } from '../../types/api'
import { Alert, ActionButton, Checkbox, ChoiceChips, Field, TextInput } from '../Form'
import LocationField, { effectivePoint, type LocationValue } from '../LocationField'
import './index.scss'

export interface EmployerFilingFormProps {
  regions: Region[]
  onSubmit: (input: EmployerInput) => Promise<unknown> | void
}

/** As typed: a count until 18 characters, then the domain's verdict (with the organisation category). */
export function usccFeedback(raw: string): { error: string | null; ok: string | null; hint: string | null } {
  const compact = raw.replace(/[\s-]/g, '')
  if (!compact) return { error: null, ok: null, hint: null }
  if (compact.length < 18) return { error: null, ok: null, hint: `已输入${compact.length}位，共18位` }
  const v = validateUscc(compact)
  if (!v.ok) return { error: v.message, ok: null, hint: null }
  return { error: null, ok: `代码有效${v.category ? `（${v.category}）` : ''}`, hint: null }
}

/** 用人单位备案: the code is checked as it is typed; the place is picked on a map (WeChat) or typed. */
export default function EmployerFilingForm({ regions, onSubmit }: EmployerFilingFormProps) {
  const [uscc, setUscc] = useState('')
  const [name, setName] = useState('')
  const [kind, setKind] = useState<EmployerKind>('enterprise')
  const [contactName, setContactName] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  const [place, setPlace] = useState<LocationValue>({ regionCode: '', point: null, address: '' })
  const [motherBabyRoom, setMotherBabyRoom] = useState(false)
  const [childcare, setChildcare] = useState(false)
  const [shuttleBus, setShuttleBus] = useState(false)
  const [dispatch, setDispatch] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)

  const regionCode = place.regionCode || regions[0]?.code || ''
  const location = effectivePoint({ ...place, regionCode }, regions)
  const code = validateUscc(uscc)
  const phone = validateMobile(contactPhone)
  const live = usccFeedback(uscc)
  const phoneDigits = contactPhone.replace(/\D/g, '')

  const region = regions.find((r) => r.code === regionCode)
  const far = place.point && region ? checkLocationInRegion(place.point, region) : null
  const errors: Record<string, string | null> = {
    uscc: !uscc.trim() ? '请填写18位统一社会信用代码' : code.ok ? null : code.message,
    name: name.trim().length >= 2 ? null : '请填写单位名称（与营业执照一致）',
    contactName: contactName.trim() ? null : '请填写联系人',
    contactPhone: phone.ok ? null : phone.message,
    address: place.address.trim().length >= 2 ? null : '请填写单位地址',
    location: !regionCode || !location ? '请选择所在区县' : far ? far.message : null,
  }
  const firstError = Object.values(errors).find(Boolean) ?? null
  const show = (key: string, liveError: string | null = null) => (submitted ? errors[key] : liveError)

  const submit = async () => {
    setSubmitted(true)
    if (firstError || !code.ok || !phone.ok || !location) return
    setBusy(true)
    try {
      await onSubmit({
        uscc: code.normalized,
        name: name.trim(),
        kind,
        regionCode,
        contactName: contactName.trim(),
        contactPhone: phone.normalized,
        address: place.address.trim(),
        location,
        facilities: { motherBabyRoom, childcare, shuttleBus },
        isLabourDispatch: dispatch,
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='filing-form'>
      <Field label='统一社会信用代码' required hint='营业执照上的18位代码' error={show('uscc', live.error)} ok={live.ok ?? live.hint}>
        <TextInput label='统一社会信用代码' value={uscc} onChange={(v) => setUscc(v.toUpperCase())} maxLength={22} placeholder='18位代码' />
      </Field>
      <Field label='单位名称' required error={show('name')}>
        <TextInput label='单位名称' value={name} onChange={setName} maxLength={100} />
      </Field>
      <Field label='单位类型' required>
        <ChoiceChips label='单位类型' options={EMPLOYER_KIND_OPTIONS} value={kind} onChange={(v) => setKind(v as EmployerKind)} />
      </Field>
      <Field label='联系人' required error={show('contactName')}>
        <TextInput label='联系人' value={contactName} onChange={setContactName} maxLength={30} />
      </Field>
      <Field
        label='联系电话'
        required
        error={show('contactPhone', phoneDigits.length >= 11 && !phone.ok ? phone.message : null)}
        ok={phone.ok ? '手机号格式正确' : null}
      >
        <TextInput label='联系电话' kind='tel' value={contactPhone} onChange={setContactPhone} maxLength={20} />
      </Field>
      <Field label='单位地址与位置' required error={show('address') ?? show('location', far?.message ?? null)} hint='用于计算岗位离宝妈多远'>
        <LocationField label='单位位置' regions={regions} value={{ ...place, regionCode }} onChange={setPlace} withAddress />
      </Field>
      <Field label='家庭友好设施'>
        <Checkbox label='有母婴室' checked={motherBabyRoom} onChange={setMotherBabyRoom} />
        <Checkbox label='提供托育服务（可帮忙带娃）' checked={childcare} onChange={setChildcare} />
        <Checkbox label='有妈妈班车' checked={shuttleBus} onChange={setShuttleBus} />
      </Field>
      <Field label='其他'>
        <Checkbox label='本单位是劳务派遣单位' checked={dispatch} onChange={setDispatch} />
      </Field>
      {submitted && firstError && (
        <Alert className='filing-form__summary'>
          还有内容需要修改：{firstError}
        </Alert>
      )}
      <View className='filing-form__actions'>
        <ActionButton busy={busy} onClick={() => void submit()}>
          提交备案
        </ActionButton>
      </View>
    </View>
  )
}
