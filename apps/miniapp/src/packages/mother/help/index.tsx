import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, ChoiceChips, Field, TextArea } from '../../../components/Form'
import { currentMe, hasRole } from '../../../services/auth'
import { getRightsHelp, listMyRightsCases, openRightsCase } from '../../../services/policies'
import type { RightsCase, RightsHelp } from '../../../types/api'
import { formatDate } from '../../../utils/format'

const RIGHTS = [
  '弹性工作时间、不强制加班、育儿假等约定，要写进劳动合同或劳务协议。',
  '单位不能因为您怀孕、哺乳或照顾孩子而降低工资或解除合同。',
  '工资应按时足额发放，不得低于当地最低工资标准。',
  '遇到欠薪、被迫加班等问题，可以在这里咨询或投诉，也可以到驿站的维权咨询窗口，或拨打12333。',
]

const KINDS = [
  { value: 'consultation' as const, label: '咨询' },
  { value: 'complaint' as const, label: '投诉' },
]

/** Help and rights consultation: her rights, where lawyers sit and when, ask or complain, 12333. */
export default function HelpPage() {
  const [help, setHelp] = useState<RightsHelp | null>(null)
  const [cases, setCases] = useState<RightsCase[]>([])
  const [kind, setKind] = useState<'consultation' | 'complaint'>('consultation')
  const [category, setCategory] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const mother = hasRole(currentMe(), 'mother')

  useLoad(() => {
    getRightsHelp(undefined, { silent: true })
      .then(setHelp)
      .catch(() => setHelp({ regionCode: '', categories: [], stations: [] }))
    if (mother) {
      listMyRightsCases({ silent: true })
        .then(setCases)
        .catch(() => setCases([]))
    }
  })

  const send = async () => {
    if (!category || !text.trim()) {
      void Taro.showToast({ title: '请选择问题类型并写下情况', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      const created = await openRightsCase({ kind, category, text: text.trim() })
      setCases((list) => [created, ...list])
      setText('')
      void Taro.showToast({ title: '已提交，工作人员会尽快回复', icon: 'none' })
    } catch {
      // http.ts showed the reason
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>帮助与维权咨询</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>您的权益</Text>
        {RIGHTS.map((r) => (
          <Text key={r} className='card__text'>
            · {r}
          </Text>
        ))}
      </View>
      <View className='page-actions'>
        <ActionButton kind='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: '12333' }).catch(() => undefined)}>
          拨打人社服务热线 12333
        </ActionButton>
      </View>

      <View role='heading' aria-level={2}>
        <Text className='section-title'>维权咨询窗口</Text>
      </View>
      {help === null && <Text className='hint'>正在加载…</Text>}
      {help?.stations.length === 0 && <Text className='hint'>暂时没有找到附近的咨询窗口，可拨打12333。</Text>}
      {help?.stations.map((s) => (
        <View key={s.id} className='card' role='article' aria-label={s.name}>
          <Text className='card__title'>{s.name}</Text>
          <Text className='card__text'>地址：{s.address}</Text>
          {s.openingHours && <Text className='card__text'>开放时间：{s.openingHours}</Text>}
          <Text className='card__text'>维权咨询：{s.rightsConsultationHours}</Text>
        </View>
      ))}

      {mother && help && help.categories.length > 0 && (
        <>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>在线咨询或投诉</Text>
          </View>
          <Field label='类型'>
            <ChoiceChips label='咨询还是投诉' options={KINDS} value={kind} onChange={(v) => setKind(v as 'consultation' | 'complaint')} />
          </Field>
          <Field label='遇到的问题' required>
            <ChoiceChips label='遇到的问题' options={help.categories.map((c) => ({ value: c.code, label: c.label }))} value={category} onChange={(v) => setCategory(String(v))} />
          </Field>
          <Field label='具体情况' required hint='不用写身份证号；工作人员会按您绑定的手机号联系您'>
            <TextArea label='具体情况' value={text} onChange={setText} maxLength={1000} />
          </Field>
          <View className='page-actions'>
            <ActionButton busy={busy} onClick={() => void send()}>
              提交
            </ActionButton>
          </View>
        </>
      )}
      {cases.length > 0 && (
        <>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>我的咨询和投诉</Text>
          </View>
          {cases.map((c) => (
            <View key={c.id} className='card' role='article' aria-label={`${c.kindLabel}：${c.categoryLabel}`}>
              <Text className='card__title'>
                {c.kindLabel}：{c.categoryLabel}
              </Text>
              <Text className={`tag ${c.status === 'resolved' ? 'tag--ok' : 'tag--warn'}`}>{c.statusLabel}</Text>
              <Text className='card__text'>{c.text}</Text>
              {c.notes.map((n) => (
                <Text key={`${n.createdAt}-${n.note}`} className='card__meta'>
                  {formatDate(n.createdAt)} 回复：{n.note}
                </Text>
              ))}
            </View>
          ))}
        </>
      )}
    </View>
  )
}
