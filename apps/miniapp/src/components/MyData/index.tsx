import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PersonalData } from '../../services/my-data'
import { DELETE_CONFIRMATION } from '../../services/my-data'
import { formatDate } from '../../utils/format'
import { ActionButton, Alert, TextInput } from '../Form'

/** What each list of her records is, in her words. */
const RECORD_LABELS: Record<string, string> = {
  applications: '求职申请',
  hires: '录用记录',
  followUpPlan: '12333服务计划',
  followUpItems: '12333服务事项',
  followUpServices: '12333服务记录',
  trainingSignups: '培训报名',
  trainingAttendance: '培训出勤',
  fairSignups: '招聘会报名',
  resume: '简历',
  resumeSuggestions: '简历优化建议',
  notifications: '消息',
  consents: '同意记录',
  surveyAnswers: '需求调查',
  sharingConsents: '用工调剂征询',
  sharingAgreements: '用工调剂协议',
  rightsCases: '维权咨询和投诉',
  promiseChecks: '承诺回访',
  subsidyClaims: '补贴申请',
}

export interface MyDataProps {
  data: PersonalData
  /** Copies the whole record (JSON) for her to keep. */
  onExport: () => void
  /** Closes her account; called only after she typed the confirmation. */
  onDelete: (confirm: string) => Promise<void>
}

/**
 * “我的数据”: what the platform holds about her (counts per kind, the full record on export), who
 * viewed it, and closing her account, which needs the confirmation typed out.
 */
export default function MyData({ data, onExport, onDelete }: MyDataProps) {
  const [asking, setAsking] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const kinds = Object.entries(data.records).filter(([, rows]) => rows.length > 0)
  const children = (data.profile?.children as unknown[] | undefined)?.length ?? 0

  const confirmDelete = async () => {
    setBusy(true)
    setError(null)
    try {
      await onDelete(typed.trim())
    } catch {
      setError('注销没有成功，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='my-data'>
      <View role='group' aria-label='平台保存的我的信息'>
        <Text className='section-title'>平台保存的我的信息</Text>
        <Text className='hint'>手机号：{data.account.phone ?? '未绑定'}</Text>
        {data.profile && <Text className='hint'>求职资料：已填写{children > 0 ? `，孩子${children}个` : ''}</Text>}
        {kinds.map(([kind, rows]) => (
          <Text key={kind} className='hint'>
            {RECORD_LABELS[kind] ?? kind}：{rows.length}条
          </Text>
        ))}
        <ActionButton kind='secondary' onClick={onExport}>
          导出全部数据
        </ActionButton>
      </View>

      <View role='group' aria-label='谁查看过我的信息'>
        <Text className='section-title'>谁查看过我的信息</Text>
        {data.accessLog.length === 0 && <Text className='hint'>还没有工作人员查看过您的信息。</Text>}
        {data.accessLog.map((e, i) => (
          <Text key={`${e.at}-${i}`} className='hint'>
            {formatDate(e.at)} {e.viewerRoleLabel}
            {e.viewerName ? `（${e.viewerName}）` : ''}
            {e.actionLabel}
          </Text>
        ))}
      </View>

      <View role='group' aria-label='注销账号'>
        <Text className='section-title'>注销账号</Text>
        {!asking ? (
          <ActionButton kind='danger' onClick={() => setAsking(true)}>
            注销账号
          </ActionButton>
        ) : (
          <View>
            <Text className='hint'>注销后，您的个人信息将被删除且无法恢复，正在进行的申请会自动撤回。以下记录按规定匿名保存：</Text>
            {data.retainedOnDeletion.map((text) => (
              <Text key={text} className='hint'>
                · {text}
              </Text>
            ))}
            <TextInput label={`请输入“${DELETE_CONFIRMATION}”`} value={typed} onChange={setTyped} placeholder={DELETE_CONFIRMATION} maxLength={10} />
            {error && <Alert>{error}</Alert>}
            <ActionButton kind='danger' disabled={typed.trim() !== DELETE_CONFIRMATION} busy={busy} onClick={() => void confirmDelete()}>
              确认注销账号
            </ActionButton>
            <ActionButton kind='secondary' onClick={() => setAsking(false)}>
              取消
            </ActionButton>
          </View>
        )}
      </View>
    </View>
  )
}
