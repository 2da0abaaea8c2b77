import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/Form'
import { answerConsent, listMyAgreements, listMyConsents } from '../../../services/sharing'
import type { Agreement, Consent } from '../../../types/fairs'

/**
 * When her employer proposes to lend her to another employer for a season: she sees where, when
 * and on what terms (never worse than hers), and says yes or no herself. Without her yes nothing
 * happens.
 */
export default function MySharingPage() {
  const [consents, setConsents] = useState<Consent[] | null>(null)
  const [agreements, setAgreements] = useState<Agreement[]>([])

  const load = () => {
    listMyConsents()
      .then(setConsents)
      .catch(() => setConsents([]))
    listMyAgreements()
      .then(setAgreements)
      .catch(() => setAgreements([]))
  }

  useDidShow(load)

  const answer = async (c: Consent, accept: boolean) => {
    const { confirm } = await Taro.showModal({
      title: accept ? '同意参加调剂' : '不参加调剂',
      content: accept ? `同意在${c.from}至${c.to}到${c.toEmployer.name}工作吗？` : '不参加也不会影响您在本单位的工作。',
      confirmText: accept ? '同意' : '不参加',
      cancelText: '再想想',
    })
    if (!confirm) return
    await answerConsent(c.id, accept).catch(() => undefined)
    load()
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>用工调剂征询</Text>
      </View>
      <Text className='hint'>单位之间调剂用工，必须经过您本人同意，待遇不低于现在。</Text>
      {consents === null && <Text className='hint'>正在加载…</Text>}
      {consents?.length === 0 && <Text className='hint'>目前没有调剂征询。</Text>}
      {consents?.map((c) => (
        <View key={c.id} className='card' role='article' aria-label={`调剂到${c.toEmployer.name}`}>
          <Text className='card__title'>
            {c.fromEmployer.name} → {c.toEmployer.name}
          </Text>
          <Text className='card__meta'>
            {c.from} 至 {c.to}
            {c.workplace ? ` · ${c.workplace}` : ''}
          </Text>
          <Text className='card__text'>
            现在：{c.original.hourlyText}，{c.original.insuranceLabel}，{c.original.contractLabel}
          </Text>
          <Text className='card__text'>
            调剂期间：{c.shared.hourlyText}，{c.shared.insuranceLabel}，{c.shared.contractLabel}
          </Text>
          <Text className={`tag ${c.status === 'accepted' ? 'tag--ok' : c.status === 'declined' ? 'tag--bad' : 'tag--warn'}`}>{c.statusLabel}</Text>
          {c.status === 'pending' && c.proposalStatus !== 'declined' && (
            <View className='card__actions'>
              <ActionButton small onClick={() => void answer(c, true)}>
                同意
              </ActionButton>
              <ActionButton small kind='secondary' onClick={() => void answer(c, false)}>
                不参加
              </ActionButton>
            </View>
          )}
        </View>
      ))}
      {agreements.length > 0 && (
        <View>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>调剂协议</Text>
          </View>
          {agreements.map((a) => (
            <View key={a.id} className='card' role='article' aria-label={`调剂协议：${a.toEmployer.name}`}>
              <Text className='card__text'>{a.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
