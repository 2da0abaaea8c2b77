import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { formatWindows, validateMobile, type PostTypeCode, type WorkingMode } from '@mamagang/domain'
import { useState } from 'react'
import ChildrenField from '../../../components/ChildrenField'
import { ActionButton, ChoiceChips, Field, TextInput } from '../../../components/Form'
import LocationField, { effectivePoint, type LocationValue } from '../../../components/LocationField'
import WindowsField, { readWindows } from '../../../components/WindowsField'
import { MODE_OPTIONS, POST_TYPE_OPTIONS } from '../../../constants/options'
import { refreshMe, sendPhoneCode, verifyPhoneCode } from '../../../services/auth'
import { listRegions } from '../../../services/catalogue'
import { roundPoint } from '../../../services/location'
import { getMyProfile, saveMyProfile } from '../../../services/mothers'
import type { ChildInput, MotherProfile, Region } from '../../../types/api'

/** Her profile, children and resume (skills, wishes, pay); the phone binding on H5. */
export default function MyProfilePage() {
  const [profile, setProfile] = useState<MotherProfile | null>(null)
  const [regions, setRegions] = useState<Region[]>([])
  const [name, setName] = useState('')
  const [children, setChildren] = useState<ChildInput[]>([])
  const [place, setPlace] = useState<LocationValue>({ regionCode: '', point: null, address: '' })
  const [freeText, setFreeText] = useState('')
  const [wantedTypes, setWantedTypes] = useState<PostTypeCode[]>([])
  const [wantedModes, setWantedModes] = useState<WorkingMode[]>([])
  const [desiredHourly, setDesiredHourly] = useState('')
  const [skills, setSkills] = useState('')
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [codeSent, setCodeSent] = useState(false)
  const [busy, setBusy] = useState(false)

  useLoad(() => {
    listRegions()
      .then((list) => setRegions(list.filter((r) => r.level === 'district').length ? list.filter((r) => r.level === 'district') : list))
      .catch(() => setRegions([]))
    getMyProfile()
      .then((p) => {
        setProfile(p)
        setName(p.name ?? '')
        setChildren(p.children.map((c) => ({ birthYear: c.birthYear, birthMonth: c.birthMonth })))
        setPlace({ regionCode: p.regionCode, point: p.home, address: '' })
        setFreeText(p.availableWindows.length ? formatWindows(p.availableWindows) : '')
        setWantedTypes(p.wantedTypes ?? [])
        setWantedModes(p.wantedModes ?? [])
        setDesiredHourly(p.desiredHourly ? String(p.desiredHourly) : '')
        setSkills((p.skills ?? []).join('，'))
      })
      .catch(() => setProfile(null))
  })

  const read = readWindows(freeText)

  const save = async () => {
    if (!read.ok) {
      void Taro.showToast({ title: read.message, icon: 'none' })
      return
    }
    const home = effectivePoint(place, regions)
    setBusy(true)
    try {
      const saved = await saveMyProfile({
        name: name.trim() || undefined,
        regionCode: place.regionCode,
        children,
        ...(home ? { home: roundPoint(home) } : {}),
        availableWindows: read.windows,
        wantedTypes,
        wantedModes,
        ...(Number(desiredHourly) > 0 ? { desiredHourly: Number(desiredHourly) } : {}),
        skills: skills
          .split(/[,，、\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      })
      setProfile(saved)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch {
      // http.ts showed the reason
    } finally {
      setBusy(false)
    }
  }

  const sendCode = async () => {
    const v = validateMobile(phone)
    if (!v.ok) {
      void Taro.showToast({ title: v.message, icon: 'none' })
      return
    }
    const sent = await sendPhoneCode(v.normalized).catch(() => null)
    if (!sent) return
    setCodeSent(true)
    // Development API only: the code comes back so the demo works without SMS.
    if (sent.devCode) setCode(sent.devCode)
  }

  const verify = async () => {
    const v = validateMobile(phone)
    if (!v.ok) return
    const bound = await verifyPhoneCode(v.normalized, code).catch(() => null)
    if (!bound) return
    await refreshMe().catch(() => undefined)
    void Taro.showToast({ title: bound.linkedMotherId ? '已绑定，驿站登记的信息已关联' : '手机号已绑定', icon: 'none' })
  }

  if (!profile) {
    return (
      <View className='page'>
        <Text className='hint'>正在加载您的资料…</Text>
      </View>
    )
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{profile.eligibility.eligible ? '您符合妈妈岗条件' : '暂不符合妈妈岗条件'}</Text>
        {profile.eligibility.reasons.map((r) => (
          <Text key={r} className='card__meta'>
            {r}
          </Text>
        ))}
      </View>
      <Field label='称呼'>
        <TextInput label='称呼' value={name} onChange={setName} maxLength={30} placeholder='例如：王女士' />
      </Field>
      <Field label='孩子的出生年月' required>
        <ChildrenField value={children} onChange={setChildren} />
      </Field>
      <Field label='住在哪里'>
        <LocationField label='家的位置' regions={regions} value={place} onChange={setPlace} allowPick={process.env.TARO_ENV === 'weapp'} />
      </Field>
      <Field label='有空的时间' required error={freeText && !read.ok ? read.message : null}>
        <WindowsField label='有空的时间' text={freeText} onChange={setFreeText} />
      </Field>
      <View role='heading' aria-level={2}>
        <Text className='section-title'>求职意向</Text>
      </View>
      <Field label='想做的岗位类型' hint='可多选'>
        <ChoiceChips label='想做的岗位类型' options={POST_TYPE_OPTIONS} value={wantedTypes} multiple onChange={(v) => setWantedTypes(v as PostTypeCode[])} />
      </Field>
      <Field label='希望的工作方式' hint='可多选'>
        <ChoiceChips label='希望的工作方式' options={MODE_OPTIONS} value={wantedModes} multiple onChange={(v) => setWantedModes(v as WorkingMode[])} />
      </Field>
      <Field label='期望时薪（元/小时）'>
        <TextInput label='期望时薪' kind='digit' value={desiredHourly} onChange={setDesiredHourly} maxLength={6} />
      </Field>
      <Field label='技能和工作经历' hint='用逗号分开，例如：会计证，5年超市收银，会用电脑'>
        <TextInput label='技能和工作经历' value={skills} onChange={setSkills} maxLength={300} />
      </Field>
      <View className='page-actions'>
        <ActionButton busy={busy} onClick={() => void save()}>
          保存
        </ActionButton>
      </View>

      {process.env.TARO_ENV !== 'weapp' && (
        <>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>绑定手机号</Text>
          </View>
          <Text className='hint'>绑定后，单位接受您的申请时能联系到您；在驿站登记过的信息也会自动关联。</Text>
          <Field label='手机号'>
            <TextInput label='手机号' kind='tel' value={phone} onChange={setPhone} maxLength={20} />
            <ActionButton kind='secondary' small onClick={() => void sendCode()}>
              发送验证码
            </ActionButton>
          </Field>
          {codeSent && (
            <Field label='验证码'>
              <TextInput label='验证码' kind='number' value={code} onChange={setCode} maxLength={6} />
              <ActionButton small onClick={() => void verify()}>
                绑定
              </ActionButton>
            </Field>
          )}
        </>
      )}
    </View>
  )
}
