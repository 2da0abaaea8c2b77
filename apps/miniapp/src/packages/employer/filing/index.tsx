import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import EmployerDetailsForm from '../../../components/EmployerDetailsForm'
import EmployerFilingForm from '../../../components/EmployerFilingForm'
import { ActionButton } from '../../../components/Form'
import { currentMe, go, refreshMe, setActiveRole } from '../../../services/auth'
import { listRegions } from '../../../services/catalogue'
import { EMPLOYER_STATUS_LABELS, fileEmployer, updateEmployerDetails } from '../../../services/employers'
import { requestSubscription } from '../../../services/subscribe'
import { chooseEmployer, loadMyEmployers } from '../../../services/workspace'
import type { Employer, EmployerDetailsInput, EmployerInput, Region } from '../../../types/api'
import { formatDate } from '../../../utils/format'

const TONE = { pending: 'tag--warn', approved: 'tag--ok', rejected: 'tag--bad' } as const

/** 用人单位备案: the filing form, then the filing's status. */
export default function EmployerFilingPage() {
  const [regions, setRegions] = useState<Region[]>([])
  const [employers, setEmployers] = useState<Employer[] | null>(null)
  const [filing, setFiling] = useState(false)
  /** The approved employer whose contact, place and facilities are being edited. */
  const [editing, setEditing] = useState<string | null>(null)

  useDidShow(() => {
    if (!currentMe()) {
      go('/pages/login/index')
      return
    }
    listRegions()
      .then((list) => setRegions(list.filter((r) => r.level === 'district').length ? list.filter((r) => r.level === 'district') : list))
      .catch(() => setRegions([]))
    loadMyEmployers()
      .then(({ employers: list }) => {
        setEmployers(list)
        setFiling(list.length === 0)
      })
      .catch(() => {
        setEmployers([])
        setFiling(true)
      })
  })

  const submit = async (input: EmployerInput) => {
    // In the tap, before the event: she hears when the filing is approved.
    await requestSubscription('filing')
    const employer = await fileEmployer(input)
    chooseEmployer(employer.id)
    await refreshMe().catch(() => undefined)
    setActiveRole('employer_member')
    setEmployers((list) => [employer, ...(list ?? [])])
    setFiling(false)
    void Taro.showToast({ title: '已提交备案，审核通过后会通知您', icon: 'none', duration: 2500 })
  }

  const saveDetails = async (id: string, input: EmployerDetailsInput) => {
    const updated = await updateEmployerDetails(id, input)
    setEmployers((list) => (list ?? []).map((e) => (e.id === id ? updated : e)))
    setEditing(null)
    void Taro.showToast({ title: '单位信息已更新', icon: 'none' })
  }

  const editingEmployer = employers?.find((e) => e.id === editing) ?? null
  const editingRegion = editingEmployer ? regions.find((r) => r.code === editingEmployer.regionCode) : undefined
  if (editingEmployer && editingRegion) {
    return (
      <View className='page'>
        <View role='heading' aria-level={1}>
          <Text className='section-title'>修改单位信息</Text>
        </View>
        <Text className='hint'>{editingEmployer.name}：联系人、地址和设施修改后立即生效，无需重新审核；单位名称、代码和类型如需变更请联系当地人社部门。</Text>
        <EmployerDetailsForm employer={editingEmployer} region={editingRegion} onSubmit={(input) => saveDetails(editingEmployer.id, input)} onCancel={() => setEditing(null)} />
      </View>
    )
  }

  if (employers === null) {
    return (
      <View className='page'>
        <Text className='hint'>正在加载…</Text>
      </View>
    )
  }

  if (filing) {
    return (
      <View className='page'>
        <View role='heading' aria-level={1}>
          <Text className='section-title'>用人单位备案</Text>
        </View>
        <Text className='hint'>备案审核通过后，单位进入妈妈岗用人单位名录，就可以发布岗位。</Text>
        <EmployerFilingForm regions={regions} onSubmit={submit} />
      </View>
    )
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>备案进度</Text>
      </View>
      {employers.map((e) => (
        <View key={e.id} className='card' role='article' aria-label={e.name}>
          <Text className='card__title'>{e.name}</Text>
          <Text className='card__meta'>统一社会信用代码：{e.uscc}</Text>
          <Text className={`tag ${TONE[e.status]}`}>{e.statusLabel || EMPLOYER_STATUS_LABELS[e.status]}</Text>
          {e.status === 'rejected' && e.reviewReason && <Text className='card__text'>退回原因：{e.reviewReason}</Text>}
          {e.status === 'pending' && <Text className='card__meta'>提交于 {formatDate(e.createdAt)}，人社部门审核后会通知您。</Text>}
          {e.friendly && <Text className='tag tag--ok'>妈妈岗友好企业</Text>}
          {e.serviceOfficer && <Text className='card__meta'>服务专员：{e.serviceOfficer}</Text>}
          {e.status === 'approved' && (
            <View className='card__actions'>
              <ActionButton
                small
                onClick={() => {
                  chooseEmployer(e.id)
                  setActiveRole('employer_member')
                  go('/packages/employer/posts/index')
                }}
              >
                管理岗位
              </ActionButton>
              <ActionButton small kind='secondary' disabled={!regions.some((r) => r.code === e.regionCode)} onClick={() => setEditing(e.id)}>
                修改单位信息
              </ActionButton>
            </View>
          )}
        </View>
      ))}
      <View className='page-actions'>
        <ActionButton kind='secondary' onClick={() => setFiling(true)}>
          再备案一家单位
        </ActionButton>
      </View>
    </View>
  )
}
