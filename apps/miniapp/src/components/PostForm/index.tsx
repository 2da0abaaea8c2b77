import { Text, View } from '@tarojs/components'
import {
  CONTRACT_FORM_LABELS,
  INSURANCE_KIND_LABELS,
  PAY_BASIS_LABELS,
  PAY_BASIS_UNITS,
  POST_TYPE_CODES,
  POST_TYPES,
  postTypesForEmployer,
  type ContractForm,
  type EmployerKind,
  type InsuranceKind,
  type PayBasis,
  type PostTypeCode,
  type WorkingMode,
} from '@mamagang/domain'
import { useState } from 'react'
import { CONTRACT_OPTIONS, INSURANCE_OPTIONS, MODE_OPTIONS } from '../../constants/options'
import type { GeoPoint, PostInput } from '../../types/api'
import { todayInChina } from '../../utils/format'
import { Alert, ActionButton, Checkbox, ChoiceChips, Field, TextArea, TextInput } from '../Form'
import WindowsField from '../WindowsField'
import { applyType, checkPost, HOURS_PRESETS, initialState, toPostInput, type PostFormState } from './model'
import './index.scss'

export { applyType, checkPost, initialState, toPostInput } from './model'
export type { PostFormState } from './model'

export interface PostFormProps {
  /** The employer's kind: only the types it may offer are shown. */
  employerKind?: EmployerKind
  /** For the local minimum wage. */
  regionCode: string
  /** The employer's address and position, used unless the post is remote. */
  defaultAddress?: string
  defaultLocation?: GeoPoint | null
  defaultFacilities?: { motherBabyRoom?: boolean; shuttleBus?: boolean }
  onSubmit: (input: PostInput) => Promise<unknown> | void
  today?: string
}

const VALIDITY = [
  { value: 1, label: '1个月' },
  { value: 3, label: '3个月' },
  { value: 6, label: '6个月' },
]

/**
 * Post a gig from a phone: choose the type and the catalogue's defaults fill in (pay basis,
 * insurance, contract, hours, modes, a title); adjust hours, pay and headcount; publish.
 */
export default function PostForm({
  employerKind,
  regionCode,
  defaultAddress = '',
  defaultLocation = null,
  defaultFacilities,
  onSubmit,
  today = todayInChina(),
}: PostFormProps) {
  const [state, setState] = useState<PostFormState>(() => initialState(defaultFacilities, defaultAddress))
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof PostFormState>(key: K, value: PostFormState[K]) => setState((s) => ({ ...s, [key]: value }))

  const types = employerKind ? postTypesForEmployer(employerKind).map((d) => d.code) : POST_TYPE_CODES
  const check = checkPost(state, { employerKind, regionCode, today, hasLocation: defaultLocation !== null })
  const def = state.type ? POST_TYPES[state.type] : null
  const err = (field: string) => (submitted ? (check.errors[field] ?? null) : null)
  // Pay and type errors help while typing; the rest wait for the first tap on 发布.
  const live = (field: string) => (state.type && (state.payMin || submitted) ? (check.errors[field] ?? null) : null)
  const errorList = Object.values(check.errors).filter(Boolean) as string[]

  const submit = async () => {
    setSubmitted(true)
    if (errorList.length > 0) return
    setBusy(true)
    try {
      await onSubmit(toPostInput(state, { today, location: defaultLocation, weeklyHours: check.weeklyHours }))
    } finally {
      setBusy(false)
    }
  }

  const payBases: readonly PayBasis[] = def ? def.payBases : []
  const unit = PAY_BASIS_UNITS[state.payBasis]

  return (
    <View className='post-form'>
      <Field label='1. 岗位类型' required error={err('type')} hint='选择后自动带出该类岗位的计酬方式、保险、合同和工作时间'>
        <ChoiceChips
          label='岗位类型'
          options={types.map((code) => ({ value: code, label: POST_TYPES[code].label }))}
          value={state.type}
          onChange={(v) => setState((s) => applyType(s, v as PostTypeCode))}
        />
        {def && <Text className='post-form__type-note'>{def.fullLabel}：{def.timePlaceText}</Text>}
      </Field>

      {def && (
        <>
          <Field label='2. 岗位名称' required error={err('title')}>
            <TextInput label='岗位名称' value={state.title} onChange={(v) => set('title', v)} maxLength={40} />
          </Field>
          <Field label='工作内容' hint='做什么、在哪里做、需要什么技能'>
            <TextArea label='工作内容' value={state.description} onChange={(v) => set('description', v)} maxLength={1000} />
          </Field>

          <Field label='3. 工作时间' required error={err('schedule')}>
            <Checkbox label='时间灵活，由宝妈自己安排' checked={state.flexible} onChange={(v) => set('flexible', v)} />
            {state.flexible ? (
              <TextInput label='每周大约工作几小时' kind='digit' value={state.weeklyHours} onChange={(v) => set('weeklyHours', v)} maxLength={4} placeholder='例如 15' />
            ) : (
              <WindowsField label='工作时间' text={state.windowsText} onChange={(v) => set('windowsText', v)} presets={HOURS_PRESETS} />
            )}
          </Field>

          <Field label='4. 报酬' required error={live('pay')} ok={check.hourlyText ? `折合时薪${check.hourlyText}` : null}>
            <ChoiceChips
              label='计酬方式'
              options={payBases.map((b) => ({ value: b, label: PAY_BASIS_LABELS[b] }))}
              value={state.payBasis}
              onChange={(v) => set('payBasis', v as PayBasis)}
            />
            <View className='post-form__pay'>
              <TextInput label={`最低报酬（${unit}）`} kind='digit' value={state.payMin} onChange={(v) => set('payMin', v)} maxLength={9} placeholder={`最低 ${unit}`} />
              <Text className='post-form__pay-sep'>至</Text>
              <TextInput label={`最高报酬（${unit}，可不填）`} kind='digit' value={state.payMax} onChange={(v) => set('payMax', v)} maxLength={9} placeholder='最高（可不填）' />
            </View>
            {state.payBasis === 'per_piece' && (
              <TextInput label='每小时大约能完成几件' kind='digit' value={state.unitsPerHour} onChange={(v) => set('unitsPerHour', v)} maxLength={6} placeholder='每小时约完成几件' />
            )}
            {state.payBasis === 'per_task' && (
              <TextInput label='完成一单大约需要几小时' kind='digit' value={state.hoursPerTask} onChange={(v) => set('hoursPerTask', v)} maxLength={6} placeholder='一单约需几小时' />
            )}
            {err('unitsPerHour') && <Text className='field__error'>{err('unitsPerHour')}</Text>}
            {err('hoursPerTask') && <Text className='field__error'>{err('hoursPerTask')}</Text>}
          </Field>

          <Field label='5. 招聘人数' required error={err('headcount')}>
            <View className='post-form__stepper'>
              <View
                className='post-form__step'
                role='button'
                aria-label='减少一人'
                onClick={() => set('headcount', Math.max(1, state.headcount - 1))}
              >
                <Text>－</Text>
              </View>
              <TextInput
                label='招聘人数'
                kind='number'
                value={String(state.headcount)}
                onChange={(v) => set('headcount', Number.parseInt(v || '0', 10) || 0)}
                maxLength={3}
              />
              <View className='post-form__step' role='button' aria-label='增加一人' onClick={() => set('headcount', state.headcount + 1)}>
                <Text>＋</Text>
              </View>
            </View>
          </Field>

          <Field label='保险与合同' error={err('insurance') ?? err('contractForm')} hint={`本类岗位：${def.insuranceKinds.map((k) => INSURANCE_KIND_LABELS[k]).join('或')}；${def.contractForms.map((c) => CONTRACT_FORM_LABELS[c]).join('或')}`}>
            <ChoiceChips label='保险' options={INSURANCE_OPTIONS} value={state.insurance} onChange={(v) => set('insurance', v as InsuranceKind)} />
            <ChoiceChips label='合同' options={CONTRACT_OPTIONS} value={state.contractForm} onChange={(v) => set('contractForm', v as ContractForm)} />
          </Field>

          <Field label='工作方式与地点' error={err('place')}>
            <ChoiceChips label='妈妈岗模式' options={MODE_OPTIONS} value={state.modes} multiple onChange={(v) => set('modes', v as WorkingMode[])} />
            <Checkbox label='远程线上，在家就能做' checked={state.remote} onChange={(v) => set('remote', v)} />
            <Checkbox label='可以把活带回家做' checked={state.takeHome} onChange={(v) => set('takeHome', v)} />
            {!state.remote && <TextInput label='工作地址' value={state.address} onChange={(v) => set('address', v)} maxLength={200} placeholder='默认为单位地址' />}
          </Field>

          <Field label='家庭友好条件'>
            <Checkbox label='有母婴室' checked={state.motherBabyRoom} onChange={(v) => set('motherBabyRoom', v)} />
            <Checkbox label='有妈妈班车' checked={state.shuttleBus} onChange={(v) => set('shuttleBus', v)} />
            <Checkbox label='可以带孩子来' checked={state.childMayCome} onChange={(v) => set('childMayCome', v)} />
          </Field>

          <Field label='招聘有效期'>
            <ChoiceChips label='招聘有效期' options={VALIDITY} value={state.validMonths} onChange={(v) => set('validMonths', Number(v))} />
          </Field>
        </>
      )}

      {submitted && errorList.length > 0 && (
        <Alert className='post-form__summary'>
          还有{errorList.length}处需要修改：{errorList[0]}
        </Alert>
      )}
      <View className='post-form__actions'>
        <ActionButton busy={busy} onClick={() => void submit()}>
          发布岗位
        </ActionButton>
      </View>
    </View>
  )
}
