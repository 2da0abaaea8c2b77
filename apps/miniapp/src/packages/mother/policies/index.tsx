import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/Form'
import MotherClaimForm from '../../../components/MotherClaimForm'
import { checkMyClaim, fileMyClaim, getMyPolicies } from '../../../services/policies'
import type { MotherPolicyCentre } from '../../../types/api'

/** Her own subsidy, which she claims herself once she has registered and pays her own insurance. */
const OWN_CLAIM_CODE = 'mother_flexible_social_insurance'

/** What she qualifies for under her region's policy in force, why, what is missing, how much. */
export default function MyPoliciesPage() {
  const [centre, setCentre] = useState<MotherPolicyCentre | null>(null)
  const [failed, setFailed] = useState(false)
  const [claiming, setClaiming] = useState(false)

  const load = () => {
    getMyPolicies({ silent: true })
      .then(setCentre)
      .catch(() => setFailed(true))
  }
  useLoad(load)

  // Her own benefits first, then what makes employers keen to hire her.
  const items = centre ? [...centre.items].sort((a, b) => Number(b.beneficiary === 'mother') - Number(a.beneficiary === 'mother') || Number(b.applies) - Number(a.applies)) : []
  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>我能享受的政策</Text>
      </View>
      {!centre && !failed && <Text className='hint'>正在查询…</Text>}
      {failed && <Text className='hint'>暂时无法查询。请先填写求职信息，或到附近驿站、拨打12333咨询。</Text>}
      {centre && (
        <View className='card'>
          <Text className='card__title'>{centre.regionName}</Text>
          <Text className='card__text'>{centre.summary}</Text>
          {centre.policy && (
            <Text className='card__meta'>
              {centre.policy.title}（{centre.policy.source}，{centre.policy.effectiveFrom} 起施行）
            </Text>
          )}
          <Text className={`tag ${centre.eligibility.eligible ? 'tag--ok' : 'tag--warn'}`}>
            {centre.eligibility.eligible ? '您符合妈妈岗条件' : '暂不符合妈妈岗条件'}
          </Text>
          {centre.eligibility.reasons.map((r) => (
            <Text key={r} className='card__meta'>
              {r}
            </Text>
          ))}
        </View>
      )}
      {items.map((item) => (
        <View key={item.code} className='card' role='article' aria-label={item.label}>
          <Text className='card__title'>{item.label}</Text>
          <Text className={`tag ${item.applies ? 'tag--ok' : 'tag--info'}`}>
            {item.beneficiary === 'mother' ? '给您的' : '给招聘您的单位'} · {item.applies ? '现在就符合' : '满足条件后可享受'}
          </Text>
          {item.potentialTotal > 0 && <Text className='card__text'>最多 {item.potentialTotal} 元</Text>}
          {item.reasons.map((r) => (
            <Text key={r} className='card__meta'>
              {r}
            </Text>
          ))}
          {item.missing.length > 0 && <Text className='card__text'>还需要：{item.missing.join('；')}</Text>}
          <Text className='card__meta'>依据：{item.basis}</Text>
          {item.code === OWN_CLAIM_CODE && !item.applies && centre && centre.hires.length > 0 && (
            <>
              {!claiming && (
                <ActionButton kind='secondary' small onClick={() => setClaiming(true)}>
                  申请补贴
                </ActionButton>
              )}
              {claiming && <MotherClaimForm hires={centre.hires} onCheck={checkMyClaim} onSubmit={fileMyClaim} onFiled={load} />}
            </>
          )}
        </View>
      ))}
      {centre && centre.claims.length > 0 && (
        <>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>补贴申领</Text>
          </View>
          {centre.claims.map((c) => (
            <View key={c.id} className='card'>
              <Text className='card__title'>
                {c.employerName} · {c.amount} 元
              </Text>
              <Text className='card__meta'>
                {c.periodFrom} 至 {c.periodTo} · {c.statusLabel}
              </Text>
            </View>
          ))}
        </>
      )}
    </View>
  )
}
