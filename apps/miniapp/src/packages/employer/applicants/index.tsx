import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { ContractForm } from '@mamagang/domain'
import { useState } from 'react'
import { ActionButton, Checkbox, ChoiceChips, Field, TextInput } from '../../../components/Form'
import { CONTRACT_OPTIONS } from '../../../constants/options'
import { acceptApplication, APPLICATION_STATUS_LABELS, listApplicants, rejectApplication, reportHire } from '../../../services/applications'
import { loadMyEmployers } from '../../../services/workspace'
import type { EmployerApplication } from '../../../types/api'
import { formatDate, todayInChina } from '../../../utils/format'

const TONE: Record<string, string> = { submitted: 'tag--info', accepted: 'tag--ok', hired: 'tag--ok', rejected: 'tag--bad', withdrawn: '' }
const REJECT_REASONS = ['时间对不上', '岗位已招满', '技能不太匹配', '距离太远']
const MONTHS = [
  { value: 6, label: '6个月' },
  { value: 12, label: '1年' },
  { value: 24, label: '2年' },
  { value: 36, label: '3年' },
]

function HireForm({ onDone }: { onDone: (input: { startDate: string; contractForm: ContractForm; contractMonths: number; socialInsurance: boolean }) => Promise<void> }) {
  const [startDate, setStartDate] = useState(todayInChina())
  const [contractForm, setContractForm] = useState<ContractForm>('labour_contract')
  const [months, setMonths] = useState(12)
  const [insurance, setInsurance] = useState(true)
  const [busy, setBusy] = useState(false)
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(startDate)
  return (
    <View className='hire-form'>
      <Field label='上岗日期' error={valid ? null : '请按 2026-03-01 的格式填写'}>
        <TextInput label='上岗日期' value={startDate} onChange={setStartDate} maxLength={10} />
      </Field>
      <Field label='合同形式'>
        <ChoiceChips label='合同形式' options={CONTRACT_OPTIONS} value={contractForm} onChange={(v) => setContractForm(v as ContractForm)} />
      </Field>
      <Field label='合同期限'>
        <ChoiceChips label='合同期限' options={MONTHS} value={months} onChange={(v) => setMonths(Number(v))} />
      </Field>
      <Field label='社会保险'>
        <Checkbox label='为她缴纳社会保险' checked={insurance} onChange={setInsurance} />
      </Field>
      <ActionButton
        busy={busy}
        disabled={!valid}
        onClick={() => {
          setBusy(true)
          void onDone({ startDate, contractForm, contractMonths: months, socialInsurance: insurance }).finally(() => setBusy(false))
        }}
      >
        确认录用
      </ActionButton>
    </View>
  )
}

/** Applicants of the employer (or of one post): masked until accepted; accept, reject, report the hire. */
export default function EmployerApplicantsPage() {
  const { params } = useRouter<{ postId?: string; title?: string }>()
  const postId = params.postId ? decodeURIComponent(params.postId) : undefined
  const title = params.title ? decodeURIComponent(params.title) : null
  const [employerId, setEmployerId] = useState<string | null>(null)
  const [items, setItems] = useState<EmployerApplication[] | null>(null)
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [hiring, setHiring] = useState<string | null>(null)

  const load = (id: string) =>
    listApplicants(id, { postId })
      .then(setItems)
      .catch(() => setItems([]))

  useDidShow(() => {
    loadMyEmployers()
      .then(({ current }) => {
        if (!current) {
          setItems([])
          return
        }
        setEmployerId(current.id)
        void load(current.id)
      })
      .catch(() => setItems([]))
  })

  const replace = (view: EmployerApplication) => setItems((list) => list?.map((a) => (a.id === view.id ? { ...a, ...view } : a)) ?? null)

  const accept = async (id: string) => {
    const view = await acceptApplication(id).catch(() => null)
    if (view) {
      replace(view)
      void Taro.showToast({ title: '已接受，可以联系她了', icon: 'none' })
    }
  }

  const reject = async (id: string, reason: string) => {
    const view = await rejectApplication(id, reason).catch(() => null)
    setRejecting(null)
    if (view) replace(view)
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>{title ? `${title}的应聘人员` : '应聘人员'}</Text>
      </View>
      <Text className='hint'>接受申请后才显示完整手机号；录用后请“报告录用”，用于补贴申请。</Text>
      {items === null && <Text className='hint'>正在加载…</Text>}
      {items?.length === 0 && <Text className='hint'>还没有人申请。</Text>}
      {items?.map((a) => (
        <View key={a.id} className='card' role='article' aria-label={`应聘人${a.mother.name}`}>
          <Text className='card__title'>{a.mother.name}</Text>
          {!postId && <Text className='card__meta'>应聘：{a.postTitle}</Text>}
          <Text className={`tag ${TONE[a.status] ?? ''}`}>{a.statusLabel || APPLICATION_STATUS_LABELS[a.status]}</Text>
          <Text className='card__text'>
            电话：{a.mother.phone ?? '未绑定'}
            {a.mother.phoneRevealed ? '' : '（接受申请后显示完整号码）'}
          </Text>
          {a.mother.children.length > 0 && <Text className='card__meta'>孩子：{a.mother.children.map((c) => c.stageLabel).join('、')}</Text>}
          {a.mother.scheduleFit.text && <Text className='card__meta'>时间：{a.mother.scheduleFit.text}</Text>}
          {a.mother.skills.length > 0 && <Text className='card__meta'>技能：{a.mother.skills.join('、')}</Text>}
          {a.status === 'rejected' && a.rejectReason && <Text className='card__meta'>婉拒原因：{a.rejectReason}</Text>}
          <Text className='card__meta'>申请时间：{formatDate(a.createdAt)}</Text>
          {a.status === 'submitted' && rejecting !== a.id && (
            <View className='card__actions'>
              <ActionButton small label={`接受${a.mother.name}的申请`} onClick={() => void accept(a.id)}>
                接受
              </ActionButton>
              <ActionButton small kind='danger' label={`婉拒${a.mother.name}`} onClick={() => setRejecting(a.id)}>
                不合适
              </ActionButton>
            </View>
          )}
          {rejecting === a.id && (
            <View className='card__actions' role='group' aria-label='婉拒原因'>
              {REJECT_REASONS.map((reason) => (
                <ActionButton key={reason} small kind='secondary' onClick={() => void reject(a.id, reason)}>
                  {reason}
                </ActionButton>
              ))}
            </View>
          )}
          {a.status === 'accepted' && hiring !== a.id && (
            <View className='card__actions'>
              <ActionButton small label={`报告录用${a.mother.name}`} onClick={() => setHiring(a.id)}>
                报告录用
              </ActionButton>
            </View>
          )}
          {hiring === a.id && (
            <HireForm
              onDone={async (input) => {
                const hire = await reportHire(a.id, input).catch(() => null)
                if (!hire) return
                setHiring(null)
                void Taro.showToast({ title: '已报告录用', icon: 'success' })
                if (employerId) void load(employerId)
              }}
            />
          )}
        </View>
      ))}
    </View>
  )
}
