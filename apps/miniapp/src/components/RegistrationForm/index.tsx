import { Text, View } from '@tarojs/components'
import {
  assessMotherEligibility,
  TRAINING_SKILL_CODES,
  TRAINING_SKILL_LABELS,
  validateMobile,
  validateResidentId,
  type PostTypeCode,
  type TrainingSkill,
  type WorkingMode,
} from '@mamagang/domain'
import { useState } from 'react'
import { MODE_OPTIONS, POST_TYPE_OPTIONS } from '../../constants/options'
import type { ChildInput, ConsentNotice, RegistrationInput } from '../../types/api'
import { todayInChina } from '../../utils/format'
import ChildrenField from '../ChildrenField'
import { Alert, ActionButton, Checkbox, ChoiceChips, Field, TextInput } from '../Form'
import WindowsField, { readWindows } from '../WindowsField'
import './index.scss'

export interface RegistrationFormProps {
  /** The notice she reads before consenting (GET /api/stations/consent-notice); its version is recorded. */
  notice: ConsentNotice
  onSubmit: (input: RegistrationInput) => Promise<unknown> | void
  /** 'YYYY-MM-DD' (tests pass a fixed day). */
  today?: string
  /** Clock for the consent time (tests pass a fixed one). */
  now?: () => Date
}

const TRAINING_OPTIONS = TRAINING_SKILL_CODES.map((code) => ({ value: code, label: TRAINING_SKILL_LABELS[code] }))

export const FREE_TIME_PRESETS = [
  { label: '送孩子后（工作日 9:00-15:00）', text: '周一至周五 9:00-15:00' },
  { label: '上午（工作日 8:30-11:30）', text: '周一至周五 8:30-11:30' },
  { label: '晚上孩子睡后（每天 20:00-22:00）', text: '每天 20:00-22:00' },
  { label: '周末（9:00-17:00）', text: '周六至周日 9:00-17:00' },
]

/** Live feedback while typing: progress until the full length, then the domain's verdict. */
export function idFeedback(raw: string, today: string): { error: string | null; ok: string | null } {
  const compact = raw.replace(/\s/g, '')
  if (!compact) return { error: null, ok: null }
  if (compact.length < 18) return { error: null, ok: null }
  const v = validateResidentId(compact, today)
  return v.ok ? { error: null, ok: `身份证号码有效（出生日期 ${v.birthDate}）` } : { error: v.message, ok: null }
}

export function mobileFeedback(raw: string): { error: string | null; ok: string | null } {
  const digits = raw.replace(/\D/g, '')
  if (!digits || digits.length < 11) return { error: null, ok: null }
  const v = validateMobile(raw)
  return v.ok ? { error: null, ok: '手机号格式正确' } : { error: v.message, ok: null }
}

/**
 * 求职登记 at the station desk: the worker types what the mother tells her. Consent comes
 * first and is recorded with the notice version; ID and phone are checked as they are typed
 * with the same rules as the API (@mamagang/domain); the eligibility line shows at once
 * whether she counts as a 妈妈岗 mother.
 */
export default function RegistrationForm({ notice, onSubmit, today = todayInChina(), now = () => new Date() }: RegistrationFormProps) {
  const [consent, setConsent] = useState(false)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [children, setChildren] = useState<ChildInput[]>([{ birthYear: Number(today.slice(0, 4)) - 3, birthMonth: 1 }])
  const [windowsText, setWindowsText] = useState(FREE_TIME_PRESETS[0].text)
  const [wantedTypes, setWantedTypes] = useState<PostTypeCode[]>([])
  const [wantedModes, setWantedModes] = useState<WorkingMode[]>([])
  const [skills, setSkills] = useState('')
  const [trainingNeeds, setTrainingNeeds] = useState<TrainingSkill[]>([])
  const [desiredHourly, setDesiredHourly] = useState('')
  const [unemployed, setUnemployed] = useState(false)
  const [difficulty, setDifficulty] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)

  const idLive = idFeedback(idNumber, today)
  const phoneLive = mobileFeedback(phone)
  const id = validateResidentId(idNumber, today)
  const mobile = validateMobile(phone)
  const windows = readWindows(windowsText)

  const eligibility = id.ok ? assessMotherEligibility({ birthDate: id.birthDate, children, now: today, employmentDifficulty: difficulty }) : null

  const errors: Record<string, string | null> = {
    consent: consent ? null : '请先请宝妈阅读告知内容并勾选同意',
    name: name.trim() ? null : '请填写姓名',
    phone: mobile.ok ? null : mobile.message,
    id: id.ok ? null : id.message,
    children: children.length === 0 ? '请至少添加一个孩子' : null,
    windows: windows.ok ? null : windows.message,
    desiredHourly: desiredHourly.trim() && !(Number(desiredHourly) > 0) ? '期望时薪应为大于0的数字' : null,
  }
  const firstError = Object.values(errors).find(Boolean) ?? null
  const show = (key: string, live: string | null = null) => (submitted ? errors[key] : live)

  const submit = async () => {
    setSubmitted(true)
    if (firstError || !id.ok || !mobile.ok || !windows.ok) return
    const input: RegistrationInput = {
      name: name.trim(),
      phone: mobile.normalized,
      idNumber: id.normalized,
      children,
      availableWindows: windows.windows,
      wantedTypes,
      wantedModes,
      skills: skills
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      trainingNeeds,
      employmentDifficulty: difficulty,
      consent: { noticeVersion: notice.version, givenAt: now().toISOString() },
    }
    if (desiredHourly.trim()) input.desiredHourly = Number(desiredHourly)
    if (unemployed) input.registeredUnemployedSince = today
    setBusy(true)
    try {
      await onSubmit(input)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='registration-form'>
      <View className='registration-form__notice' role='region' aria-label={notice.title}>
        <Text className='registration-form__notice-title'>{notice.title}（请宝妈本人阅读）</Text>
        <Text className='registration-form__notice-text'>{notice.text}</Text>
        <Checkbox
          name='宝妈已阅读并同意告知书'
          checked={consent}
          onChange={setConsent}
          label={`宝妈已阅读并同意以上告知书（版本 ${notice.version}）`}
        />
        {submitted && errors.consent && (
          <Alert className='field__error'>
            {errors.consent}
          </Alert>
        )}
      </View>

      <Field label='姓名' required error={show('name')}>
        <TextInput label='姓名' value={name} onChange={setName} maxLength={30} placeholder='宝妈的姓名' />
      </Field>
      <Field label='手机号' required error={show('phone', phoneLive.error)} ok={phoneLive.ok}>
        <TextInput label='手机号' kind='tel' value={phone} onChange={setPhone} maxLength={20} placeholder='11位手机号' />
      </Field>
      <Field
        label='身份证号'
        required
        hint='加密保存，只显示部分号码'
        error={show('id', idLive.error)}
        ok={idLive.ok}
      >
        <TextInput label='身份证号' kind='idcard' value={idNumber} onChange={setIdNumber} maxLength={22} placeholder='18位身份证号' />
      </Field>
      <Field label='孩子的出生年月' required error={show('children')}>
        <ChildrenField value={children} onChange={setChildren} today={today} />
      </Field>
      {eligibility && (
        <View className={`registration-form__eligibility${eligibility.eligible ? '' : ' registration-form__eligibility--no'}`} role='status'>
          <Text className='registration-form__eligibility-title'>{eligibility.eligible ? '符合妈妈岗条件' : '暂不符合妈妈岗条件'}</Text>
          {eligibility.reasons.map((reason) => (
            <Text key={reason} className='registration-form__eligibility-text'>
              {reason}
            </Text>
          ))}
        </View>
      )}
      <Field label='方便工作的时间' required error={show('windows')}>
        <WindowsField label='方便工作的时间' text={windowsText} onChange={setWindowsText} presets={FREE_TIME_PRESETS} />
      </Field>
      <Field label='想做的岗位类型' hint='可多选'>
        <ChoiceChips label='想做的岗位类型' options={POST_TYPE_OPTIONS} value={wantedTypes} multiple onChange={(v) => setWantedTypes(v as PostTypeCode[])} />
      </Field>
      <Field label='希望的工作方式' hint='可多选'>
        <ChoiceChips label='希望的工作方式' options={MODE_OPTIONS} value={wantedModes} multiple onChange={(v) => setWantedModes(v as WorkingMode[])} />
      </Field>
      <Field label='期望时薪（元/小时，可不填）' error={show('desiredHourly')}>
        <TextInput label='期望时薪' kind='digit' value={desiredHourly} onChange={setDesiredHourly} maxLength={6} placeholder='例如 25' />
      </Field>
      <Field label='技能特长' hint='用逗号或空格分开，例如：缝纫 电脑打字'>
        <TextInput label='技能特长' value={skills} onChange={setSkills} maxLength={200} />
      </Field>
      <Field label='想参加的免费培训' hint='可多选'>
        <ChoiceChips
          label='想参加的免费培训'
          options={TRAINING_OPTIONS}
          value={trainingNeeds}
          multiple
          onChange={(v) => setTrainingNeeds(v as TrainingSkill[])}
        />
      </Field>
      <Field label='就业情况'>
        <Checkbox label='今天同时办理失业登记' checked={unemployed} onChange={setUnemployed} />
        <Checkbox label='已认定为就业困难人员' checked={difficulty} onChange={setDifficulty} />
      </Field>

      {submitted && firstError && (
        <Alert className='registration-form__summary'>
          还有内容需要修改：{firstError}
        </Alert>
      )}
      <View className='registration-form__actions'>
        <ActionButton busy={busy} onClick={() => void submit()}>
          完成登记
        </ActionButton>
      </View>
    </View>
  )
}
