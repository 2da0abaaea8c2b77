import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, Alert, Checkbox, ChoiceChips, Field, TextInput } from '../../../components/Form'
import Tabs from '../../../components/Tabs'
import { currentMe, go } from '../../../services/auth'
import { ApiError } from '../../../services/http'
import { closeListing, createListing, decideProposal, listAgreements, listEmployees, listListings, listMatches, listProposals, propose } from '../../../services/sharing'
import { loadMyEmployers } from '../../../services/workspace'
import type { Employer } from '../../../types/api'
import type { Agreement, Employee, Listing, Proposal, SharingMatch, SharingSide } from '../../../types/fairs'
import { todayInChina } from '../../../utils/format'

type Tab = 'listings' | 'matches' | 'proposals' | 'agreements'

const INSURANCE = [
  { value: 'social', label: '社会保险' },
  { value: 'flexible_social', label: '灵活就业社保' },
  { value: 'commercial', label: '商业保险' },
]
const CONTRACT = [
  { value: 'labour_contract', label: '劳动合同' },
  { value: 'service_contract', label: '服务合同' },
  { value: 'service_agreement', label: '劳务协议' },
]

const matchKey = (m: SharingMatch) => `${m.offer.id}:${m.request.id}`

/**
 * Worker sharing for an employer: post surplus workers (off-season) or a shortage (holiday
 * rush), see the matching employers of the city, propose named employees on terms no worse than
 * theirs (each is asked herself), accept proposals made to us, read the agreements.
 */
export default function EmployerSharingPage() {
  const [employer, setEmployer] = useState<Employer | null>(null)
  const [tab, setTab] = useState<Tab>('listings')
  const [listings, setListings] = useState<Listing[] | null>(null)
  const [matches, setMatches] = useState<SharingMatch[] | null>(null)
  const [proposals, setProposals] = useState<Proposal[]>([])
  const [agreements, setAgreements] = useState<Agreement[]>([])
  const [employees, setEmployees] = useState<Employee[]>([])
  const [form, setForm] = useState({ side: 'offer' as SharingSide, workers: '3', from: todayInChina(), to: todayInChina(new Date(Date.now() + 30 * 86_400_000)), skills: '', note: '' })
  const [formError, setFormError] = useState<string | null>(null)
  const [proposing, setProposing] = useState<string | null>(null)
  const [offer, setOffer] = useState({ hourly: '', insurance: 'social', contractForm: 'labour_contract', workplace: '', motherIds: [] as string[] })
  const [proposeError, setProposeError] = useState<string | null>(null)

  const load = (e: Employer) => {
    listListings(e.id)
      .then(setListings)
      .catch(() => setListings([]))
    listMatches(e.id)
      .then(setMatches)
      .catch(() => setMatches([]))
    listProposals(e.id)
      .then(setProposals)
      .catch(() => setProposals([]))
    listAgreements(e.id)
      .then(setAgreements)
      .catch(() => setAgreements([]))
    listEmployees(e.id)
      .then(setEmployees)
      .catch(() => setEmployees([]))
  }

  useDidShow(() => {
    if (!currentMe()) {
      go('/pages/login/index')
      return
    }
    loadMyEmployers()
      .then(({ current }) => {
        setEmployer(current)
        if (current?.status === 'approved') load(current)
        else setListings([])
      })
      .catch(() => setListings([]))
  })

  const publish = async () => {
    if (!employer) return
    setFormError(null)
    const workers = Number(form.workers)
    if (!Number.isInteger(workers) || workers < 1) {
      setFormError('人数应为正整数')
      return
    }
    try {
      await createListing(employer.id, {
        side: form.side,
        workers,
        from: form.from.trim(),
        to: form.to.trim(),
        skills: form.skills
          .split(/[，,、\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        note: form.note.trim() || undefined,
      })
      setForm({ ...form, skills: '', note: '' })
      load(employer)
      setTab('matches')
    } catch (error) {
      setFormError(error instanceof ApiError ? error.message : '发布失败')
    }
  }

  const sendProposal = async (m: SharingMatch) => {
    if (!employer) return
    setProposeError(null)
    try {
      await propose({
        offerId: m.offer.id,
        requestId: m.request.id,
        terms: { hourly: Number(offer.hourly), insurance: offer.insurance, contractForm: offer.contractForm },
        workplace: offer.workplace.trim() || undefined,
        motherIds: offer.motherIds,
      })
      setProposing(null)
      void Taro.showToast({ title: '方案已发出，等待员工本人和对方单位确认', icon: 'none', duration: 2500 })
      load(employer)
      setTab('proposals')
    } catch (error) {
      const details = error instanceof ApiError ? ((error.body as { details?: { message: string }[] } | undefined)?.details ?? []) : []
      setProposeError(error instanceof ApiError ? [error.message, ...details.map((d) => d.message)].join('；') : '发送失败')
    }
  }

  const decide = async (p: Proposal, accept: boolean) => {
    if (!employer) return
    await decideProposal(p.id, accept).catch(() => undefined)
    load(employer)
  }

  if (employer && employer.status !== 'approved') {
    return (
      <View className='page'>
        <Text className='hint'>单位备案通过后才能参加用工余缺调剂。</Text>
      </View>
    )
  }
  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>用工余缺调剂{employer ? `：${employer.name}` : ''}</Text>
      </View>
      <Text className='hint'>淡季用工富余、假期人手短缺，都可以在同城单位之间调剂；员工是否参加由她本人决定，待遇不低于现在。</Text>
      <Tabs
        label='用工余缺调剂'
        tabs={[
          { value: 'listings', label: '发布' },
          { value: 'matches', label: `匹配（${matches?.length ?? 0}）` },
          { value: 'proposals', label: `方案（${proposals.length}）` },
          { value: 'agreements', label: `协议（${agreements.length}）` },
        ]}
        value={tab}
        onChange={setTab}
      />

      {tab === 'listings' && (
        <View>
          <Field label='类型' required>
            <ChoiceChips<SharingSide>
              label='富余或短缺'
              options={[
                { value: 'offer', label: '用工富余（可调出）' },
                { value: 'request', label: '用工短缺（需调入）' },
              ]}
              value={form.side}
              onChange={(v) => setForm({ ...form, side: v as SharingSide })}
            />
          </Field>
          <Field label='人数' required>
            <TextInput label='人数' kind='number' value={form.workers} onChange={(workers) => setForm({ ...form, workers })} maxLength={3} />
          </Field>
          <Field label='时间' required hint='年-月-日'>
            <View className='page-actions'>
              <TextInput label='开始日期' value={form.from} onChange={(from) => setForm({ ...form, from })} maxLength={10} />
              <TextInput label='结束日期' value={form.to} onChange={(to) => setForm({ ...form, to })} maxLength={10} />
            </View>
          </Field>
          <Field label='技能' hint='用逗号或空格分开，如：包装 缝纫'>
            <TextInput label='技能' value={form.skills} onChange={(skills) => setForm({ ...form, skills })} maxLength={200} />
          </Field>
          <Field label='说明（可不填）'>
            <TextInput label='说明' value={form.note} onChange={(note) => setForm({ ...form, note })} maxLength={300} />
          </Field>
          {formError && <Alert>{formError}</Alert>}
          <View className='page-actions'>
            <ActionButton onClick={() => void publish()}>发布调剂信息</ActionButton>
          </View>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>已发布</Text>
          </View>
          {listings?.length === 0 && <Text className='hint'>还没有发布调剂信息。</Text>}
          {listings?.map((l) => (
            <View key={l.id} className='card' role='article' aria-label={`${l.sideLabel} ${l.from}至${l.to}`}>
              <Text className='card__title'>
                {l.sideLabel} {l.workers}人
              </Text>
              <Text className='card__meta'>
                {l.from} 至 {l.to}
                {l.skills.length ? ` · ${l.skills.join('、')}` : ''}
              </Text>
              <Text className={`tag ${l.status === 'open' ? 'tag--ok' : ''}`}>{l.status === 'open' ? '发布中' : '已关闭'}</Text>
              {l.status === 'open' && (
                <View className='card__actions'>
                  <ActionButton kind='secondary' small onClick={() => void closeListing(l.id).then(() => employer && load(employer))}>
                    关闭
                  </ActionButton>
                </View>
              )}
            </View>
          ))}
        </View>
      )}

      {tab === 'matches' && (
        <View>
          {matches === null && <Text className='hint'>正在加载…</Text>}
          {matches?.length === 0 && <Text className='hint'>暂时没有匹配的单位。发布后，同城单位的富余或短缺信息会在这里出现。</Text>}
          {matches?.map((m) => {
            const other = m.mine === 'offer' ? m.request : m.offer
            return (
              <View key={matchKey(m)} className='card' role='article' aria-label={`匹配：${other.employerName}`}>
                <Text className='card__title'>
                  {other.employerName}（{other.sideLabel}）
                </Text>
                <Text className='card__meta'>
                  匹配度 {m.score} · 可调剂 {m.workers} 人 · {m.overlap.from} 至 {m.overlap.to}
                </Text>
                {m.reasons.map((r) => (
                  <Text key={r} className='card__text'>
                    {r}
                  </Text>
                ))}
                {m.mine === 'offer' && proposing !== matchKey(m) && (
                  <View className='card__actions'>
                    <ActionButton small onClick={() => setProposing(matchKey(m))}>
                      提出调剂方案
                    </ActionButton>
                  </View>
                )}
                {m.mine === 'request' && <Text className='hint'>对方单位会选择愿意参加的员工，向您提出调剂方案。</Text>}
                {proposing === matchKey(m) && (
                  <View>
                    <Text className='hint'>选择员工（只能选本单位在职员工；每人都会收到征询，由她本人决定）</Text>
                    {employees.length === 0 && <Text className='hint'>本单位还没有通过妈妈岗登记录用的员工。</Text>}
                    {employees.map((e) => (
                      <Checkbox
                        key={e.motherId}
                        label={`${e.name} · ${e.postTitle}${e.terms ? ` · 现${e.terms.hourlyText}` : ''}`}
                        name={`调剂员工${e.name}`}
                        checked={offer.motherIds.includes(e.motherId)}
                        onChange={(on) => setOffer({ ...offer, motherIds: on ? [...offer.motherIds, e.motherId] : offer.motherIds.filter((x) => x !== e.motherId) })}
                      />
                    ))}
                    <Field label='调剂期间时薪（元/小时）' hint='不能低于员工现在的时薪'>
                      <TextInput label='调剂期间时薪' kind='digit' value={offer.hourly} onChange={(hourly) => setOffer({ ...offer, hourly })} maxLength={7} />
                    </Field>
                    <Field label='保险'>
                      <ChoiceChips label='调剂期间保险' options={INSURANCE} value={offer.insurance} onChange={(v) => setOffer({ ...offer, insurance: v as string })} />
                    </Field>
                    <Field label='合同'>
                      <ChoiceChips label='调剂期间合同' options={CONTRACT} value={offer.contractForm} onChange={(v) => setOffer({ ...offer, contractForm: v as string })} />
                    </Field>
                    <Field label='工作地点（可不填）'>
                      <TextInput label='工作地点' value={offer.workplace} onChange={(workplace) => setOffer({ ...offer, workplace })} maxLength={200} />
                    </Field>
                    {proposeError && <Alert>{proposeError}</Alert>}
                    <View className='card__actions'>
                      <ActionButton small onClick={() => void sendProposal(m)}>
                        发送方案
                      </ActionButton>
                      <ActionButton small kind='secondary' onClick={() => setProposing(null)}>
                        取消
                      </ActionButton>
                    </View>
                  </View>
                )}
              </View>
            )
          })}
        </View>
      )}

      {tab === 'proposals' && (
        <View>
          {proposals.length === 0 && <Text className='hint'>还没有调剂方案。</Text>}
          {proposals.map((p) => {
            const received = p.toEmployer.id === employer?.id
            return (
              <View key={p.id} className='card' role='article' aria-label={`调剂方案：${p.fromEmployer.name}到${p.toEmployer.name}`}>
                <Text className='card__title'>
                  {p.fromEmployer.name} → {p.toEmployer.name}
                </Text>
                <Text className='card__meta'>
                  {p.from} 至 {p.to} · {p.terms.hourlyText} · {p.terms.insuranceLabel} · {p.terms.contractLabel}
                </Text>
                {p.workers.map((w) => (
                  <Text key={w.consentId} className='card__text'>
                    {w.name}：{w.statusLabel}
                    {w.agreementId ? '（已签协议）' : ''}
                  </Text>
                ))}
                <Text className={`tag ${p.status === 'accepted' ? 'tag--ok' : p.status === 'declined' ? 'tag--bad' : 'tag--warn'}`}>{p.statusLabel}</Text>
                {received && p.status === 'proposed' && (
                  <View className='card__actions'>
                    <ActionButton small onClick={() => void decide(p, true)}>
                      同意方案
                    </ActionButton>
                    <ActionButton small kind='secondary' onClick={() => void decide(p, false)}>
                      婉拒
                    </ActionButton>
                  </View>
                )}
              </View>
            )
          })}
        </View>
      )}

      {tab === 'agreements' && (
        <View>
          {agreements.length === 0 && <Text className='hint'>还没有调剂协议。员工本人同意、双方单位确认后生成。</Text>}
          {agreements.map((a) => (
            <View key={a.id} className='card' role='article' aria-label={`调剂协议：${a.motherName}`}>
              <Text className='card__text'>{a.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
