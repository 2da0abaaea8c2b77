import { View } from '@tarojs/components'
import { checkLocationInRegion, validateMobile } from '@mamagang/domain'
import { useState } from 'react'
import type { Employer, EmployerDetailsInput, Region } from '../../types/api'
import { Alert, ActionButton, Checkbox, Field, TextInput } from '../Form'
import LocationField, { effectivePoint, type LocationValue } from '../LocationField'

export interface EmployerDetailsFormProps {
  employer: Employer
  /** The employer's own district: the place can move within it, not out of it. */
  region: Region
  onSubmit: (input: EmployerDetailsInput) => Promise<unknown> | void
  onCancel: () => void
}

/**
 * An approved employer keeps its contact, place and facilities up to date; no new review. The
 * phone is shown masked, so it is typed again in full; the code, name and kind are not here.
 */
export default function EmployerDetailsForm({ employer, region, onSubmit, onCancel }: EmployerDetailsFormProps) {
  const [contactName, setContactName] = useState(employer.contactName ?? '')
  const [contactPhone, setContactPhone] = useState('')
  const [place, setPlace] = useState<LocationValue>({ regionCode: region.code, point: employer.location, address: employer.address })
  const [motherBabyRoom, setMotherBabyRoom] = useState(employer.facilities.motherBabyRoom)
  const [childcare, setChildcare] = useState(employer.facilities.childcare)
  const [shuttleBus, setShuttleBus] = useState(employer.facilities.shuttleBus)
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)

  const regions = [region]
  const location = effectivePoint({ ...place, regionCode: region.code }, regions)
  const phone = validateMobile(contactPhone)
  const far = place.point ? checkLocationInRegion(place.point, region) : null
  const errors: Record<string, string | null> = {
    contactName: contactName.trim() ? null : '请填写联系人',
    contactPhone: phone.ok ? null : contactPhone.trim() ? phone.message : '请重新输入完整的联系电话',
    address: place.address.trim().length >= 2 ? null : '请填写单位地址',
    location: !location ? '请选择单位位置' : far ? far.message : null,
  }
  const firstError = Object.values(errors).find(Boolean) ?? null
  const show = (key: string) => (submitted ? errors[key] : null)

  const submit = async () => {
    setSubmitted(true)
    if (firstError || !phone.ok || !location) return
    setBusy(true)
    try {
      await onSubmit({
        contactName: contactName.trim(),
        contactPhone: phone.normalized,
        address: place.address.trim(),
        location,
        facilities: { motherBabyRoom, childcare, shuttleBus },
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='filing-form'>
      <Field label='联系人' required error={show('contactName')}>
        <TextInput label='联系人' value={contactName} onChange={setContactName} maxLength={30} />
      </Field>
      <Field label='联系电话' required error={show('contactPhone')} hint={`当前：${employer.contactPhoneMasked ?? '未填写'}，请输入完整号码`}>
        <TextInput label='联系电话' kind='tel' value={contactPhone} onChange={setContactPhone} maxLength={20} />
      </Field>
      <Field label='单位地址与位置' required error={show('address') ?? show('location')} hint={`只能在${region.name}范围内调整`}>
        <LocationField label='单位位置' regions={regions} value={{ ...place, regionCode: region.code }} onChange={setPlace} withAddress />
      </Field>
      <Field label='家庭友好设施'>
        <Checkbox label='有母婴室' checked={motherBabyRoom} onChange={setMotherBabyRoom} />
        <Checkbox label='提供托育服务（可帮忙带娃）' checked={childcare} onChange={setChildcare} />
        <Checkbox label='有妈妈班车' checked={shuttleBus} onChange={setShuttleBus} />
      </Field>
      {submitted && firstError && <Alert>还有内容需要修改：{firstError}</Alert>}
      <View className='filing-form__actions'>
        <ActionButton busy={busy} onClick={() => void submit()}>
          保存修改
        </ActionButton>
        <ActionButton kind='secondary' onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  )
}
