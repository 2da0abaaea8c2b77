import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { EMPLOYER_KIND_LABELS } from '@mamagang/domain'
import { useState } from 'react'
import StaffFooter from '../../../components/StaffFooter'
import { ActionButton, Field, TextInput } from '../../../components/Form'
import Tabs from '../../../components/Tabs'
import { currentMe, go } from '../../../services/auth'
import { approveFiling, listFilings, rejectFiling, setFriendly } from '../../../services/employers'
import type { Employer, EmployerStatus } from '../../../types/api'
import { formatDate } from '../../../utils/format'

const TABS: { value: EmployerStatus; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已退回' },
]

function facilities(e: Employer): string {
  const list = [e.facilities?.motherBabyRoom && '母婴室', e.facilities?.childcare && '托育', e.facilities?.shuttleBus && '班车'].filter(Boolean)
  return list.length ? list.join('、') : '无'
}

/** Approve or return employers' filings in her region; name friendly employers. */
export default function OfficialFilingsPage() {
  const [status, setStatus] = useState<EmployerStatus>('pending')
  const [items, setItems] = useState<Employer[] | null>(null)
  const [returning, setReturning] = useState<string | null>(null)
  const [reason, setReason] = useState('')

  const load = (s: EmployerStatus) => {
    setItems(null)
    listFilings(s)
      .then(setItems)
      .catch(() => setItems([]))
  }

  useDidShow(() => {
    if (!currentMe()) {
      go('/pages/login/index')
      return
    }
    load(status)
  })

  const drop = (id: string) => setItems((list) => list?.filter((e) => e.id !== id) ?? null)

  const approve = async (e: Employer) => {
    const done = await approveFiling(e.id).catch(() => null)
    if (done) {
      drop(e.id)
      void Taro.showToast({ title: `已通过：${e.name}`, icon: 'none' })
    }
  }

  const reject = async (e: Employer) => {
    if (!reason.trim()) {
      void Taro.showToast({ title: '请写明退回原因', icon: 'none' })
      return
    }
    const done = await rejectFiling(e.id, reason.trim()).catch(() => null)
    if (done) {
      drop(e.id)
      setReturning(null)
      setReason('')
    }
  }

  const toggleFriendly = async (e: Employer) => {
    const done = await setFriendly(e.id, !e.friendly).catch(() => null)
    if (done) setItems((list) => list?.map((x) => (x.id === e.id ? { ...x, friendly: done.friendly } : x)) ?? null)
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>用人单位备案审核</Text>
      </View>
      <View className='page-actions'>
        <ActionButton kind='secondary' small onClick={() => void Taro.navigateTo({ url: '/packages/official/posts/index' })}>
          岗位管理
        </ActionButton>
        <ActionButton kind='secondary' small onClick={() => void Taro.navigateTo({ url: '/packages/official/dashboard/index' })}>
          数据看板
        </ActionButton>
      </View>
      <Tabs
        label='备案状态'
        tabs={TABS}
        value={status}
        onChange={(s) => {
          setStatus(s)
          load(s)
        }}
      />
      {items === null && <Text className='hint'>正在加载…</Text>}
      {items?.length === 0 && <Text className='hint'>{status === 'pending' ? '没有待审核的备案。' : '没有记录。'}</Text>}
      {items?.map((e) => (
        <View key={e.id} className='card' role='article' aria-label={e.name}>
          <Text className='card__title'>{e.name}</Text>
          <Text className='card__meta'>
            {EMPLOYER_KIND_LABELS[e.kind] ?? e.kind} · 统一社会信用代码 {e.uscc}
          </Text>
          <Text className='card__text'>地址：{e.address}</Text>
          <Text className='card__text'>
            联系人：{e.contactName ?? ''} {e.contactPhoneMasked ?? ''}
          </Text>
          <Text className='card__meta'>
            家庭友好设施：{facilities(e)}
            {e.isLabourDispatch ? ' · 劳务派遣单位' : ''} · 提交于 {formatDate(e.createdAt)}
          </Text>
          {e.friendly && <Text className='tag tag--ok'>妈妈岗友好企业</Text>}
          {e.status === 'rejected' && e.reviewReason && <Text className='card__text'>退回原因：{e.reviewReason}</Text>}
          {e.status === 'pending' && returning !== e.id && (
            <View className='card__actions'>
              <ActionButton small label={`通过${e.name}的备案`} onClick={() => void approve(e)}>
                通过
              </ActionButton>
              <ActionButton small kind='danger' label={`退回${e.name}的备案`} onClick={() => setReturning(e.id)}>
                退回
              </ActionButton>
            </View>
          )}
          {returning === e.id && (
            <View>
              <Field label='退回原因' required>
                <TextInput label='退回原因' value={reason} onChange={setReason} maxLength={200} placeholder='例如：营业执照信息与填写不一致' />
              </Field>
              <View className='card__actions'>
                <ActionButton small kind='danger' onClick={() => void reject(e)}>
                  确认退回
                </ActionButton>
                <ActionButton small kind='secondary' onClick={() => setReturning(null)}>
                  取消
                </ActionButton>
              </View>
            </View>
          )}
          {e.status === 'approved' && (
            <View className='card__actions'>
              <ActionButton small kind='secondary' onClick={() => void toggleFriendly(e)}>
                {e.friendly ? '取消友好企业' : '认定为友好企业'}
              </ActionButton>
            </View>
          )}
        </View>
      ))}
      <StaffFooter />
    </View>
  )
}
