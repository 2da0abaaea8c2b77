import { Text, View } from '@tarojs/components'
import { isIsoDate } from '@mamagang/domain'
import { useState } from 'react'
import type { ClaimCheck, MotherClaim, MotherClaimInput, MotherHire } from '../../types/api'
import { Alert, ActionButton, Field, TextInput } from '../Form'
import Select from '../Select'

export interface MotherClaimFormProps {
  /** Her hires; the service-agreement ones come first and are picked by default. */
  hires: MotherHire[]
  onCheck: (input: MotherClaimInput) => Promise<ClaimCheck>
  onSubmit: (input: MotherClaimInput) => Promise<MotherClaim>
  /** After a claim was filed. */
  onFiled?: (claim: MotherClaim) => void
}

/** The reasons an API error carries (422 CLAIM_RULES_FAILED: one per failed rule), else its message. */
function reasonsOf(error: unknown): string[] {
  const body = (error as { body?: { details?: { message?: string }[] } }).body
  const details = body?.details?.map((d) => d.message).filter((m): m is string => Boolean(m)) ?? []
  if (details.length > 0) return details
  return [(error as Error).message || '提交失败，请稍后再试']
}

/**
 * 申请灵活就业社保补贴: she names the hire (a service agreement), the day she registered for
 * flexible employment and the months of social insurance she paid herself. The claim is checked
 * first; a failing check shows every reason and nothing is filed.
 */
export default function MotherClaimForm({ hires, onCheck, onSubmit, onFiled }: MotherClaimFormProps) {
  const ordered = [...hires].sort((a, b) => Number(b.contractForm === 'service_agreement') - Number(a.contractForm === 'service_agreement'))
  const [hireIndex, setHireIndex] = useState(ordered.length > 0 ? 0 : -1)
  const [registeredOn, setRegisteredOn] = useState('')
  const [months, setMonths] = useState('')
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<string[]>([])
  const [filed, setFiled] = useState<MotherClaim | null>(null)

  const submit = async () => {
    const hire = ordered[hireIndex]
    const missing: string[] = []
    if (!hire) missing.push('请选择录用记录')
    if (!isIsoDate(registeredOn.trim())) missing.push('请按“2022-08-20”的格式填写灵活就业登记日期')
    const n = Number(months.trim())
    if (months.trim() === '' || !Number.isInteger(n) || n < 0 || n > 120) missing.push('请填写0-120之间的自缴社保月数')
    if (missing.length > 0 || !hire) {
      setProblems(missing)
      return
    }
    const input: MotherClaimInput = { hireId: hire.hireId, flexibleEmploymentRegisteredOn: registeredOn.trim(), selfPaidInsuranceMonths: n }
    setBusy(true)
    setProblems([])
    try {
      const check = await onCheck(input)
      if (!check.passes) {
        setProblems(check.checks.filter((c) => !c.passed).map((c) => `${c.label}：${c.reason}`))
        return
      }
      const claim = await onSubmit(input)
      setFiled(claim)
      onFiled?.(claim)
    } catch (error) {
      setProblems(reasonsOf(error))
    } finally {
      setBusy(false)
    }
  }

  if (filed) {
    return (
      <View className='card' role='status'>
        <Text className='card__title'>已提交补贴申请</Text>
        <Text className='card__text'>
          {filed.amount} 元（{filed.periodFrom} 至 {filed.periodTo}）· {filed.statusLabel}
        </Text>
        <Text className='card__meta'>人社部门审核后会通知您。</Text>
      </View>
    )
  }
  if (ordered.length === 0) return <Text className='hint'>还没有录用记录：通过平台应聘并被录用后才能申请。</Text>

  return (
    <View className='card' role='form' aria-label='申请灵活就业社保补贴'>
      <Field label='录用记录' hint='签订劳务协议的岗位' required>
        <Select label='录用记录' range={ordered.map((h) => `${h.employerName} · ${h.postTitle}（${h.contractLabel}${h.contractMonths}个月）`)} value={hireIndex} onChange={setHireIndex}>
          <Text className='card__text'>{ordered[hireIndex] ? `${ordered[hireIndex].employerName} · ${ordered[hireIndex].postTitle}` : '请选择'}</Text>
        </Select>
      </Field>
      <Field label='灵活就业登记日期' hint='例如 2022-08-20，在登记证明上' required>
        <TextInput label='灵活就业登记日期' value={registeredOn} onChange={setRegisteredOn} placeholder='年-月-日' maxLength={10} />
      </Field>
      <Field label='自缴社保月数' hint='以个人身份缴纳社会保险的月数' required>
        <TextInput label='自缴社保月数' kind='number' value={months} onChange={setMonths} maxLength={3} />
      </Field>
      {problems.map((p) => (
        <Alert key={p}>{p}</Alert>
      ))}
      <ActionButton busy={busy} onClick={() => void submit()}>
        提交申请
      </ActionButton>
    </View>
  )
}
