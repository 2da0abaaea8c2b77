import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, Alert, ChoiceChips, Field, TextInput } from '../../../components/Form'
import Tabs from '../../../components/Tabs'
import { addFairLivestream, cancelFair, checkInByCode, checkInWalkIn, getFair, getFairStats, listFairSignups } from '../../../services/fairs'
import { ApiError } from '../../../services/http'
import { listStationMothers } from '../../../services/stations'
import { myStation } from '../../../services/workspace'
import type { StationMother } from '../../../types/api'
import type { Fair, FairSignup, FairStats } from '../../../types/fairs'

const isWeapp = process.env.TARO_ENV === 'weapp'

type Tab = 'door' | 'stats' | 'live'

/**
 * The fair at the door and after it: check mothers in by the code they show (typed or scanned),
 * register walk-ins through the station desk, see sign-ups, check-ins, and the applications and
 * hires that came from the fair per employer; add a livestream.
 */
export default function FairDeskPage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const station = myStation()
  const [tab, setTab] = useState<Tab>('door')
  const [fair, setFair] = useState<Fair | null>(null)
  const [signups, setSignups] = useState<FairSignup[]>([])
  const [stats, setStats] = useState<FairStats | null>(null)
  const [code, setCode] = useState('')
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [q, setQ] = useState('')
  const [found, setFound] = useState<StationMother[] | null>(null)
  const [live, setLive] = useState({ title: '', platform: 'wechat_channels' as 'wechat_channels' | 'other', target: '', start: '', end: '' })
  const [liveError, setLiveError] = useState<string | null>(null)
  const [cancelReason, setCancelReason] = useState('')

  const load = () => {
    getFair(id, { silent: true })
      .then(setFair)
      .catch(() => setFair(null))
    listFairSignups(id)
      .then(setSignups)
      .catch(() => setSignups([]))
    getFairStats(id)
      .then(setStats)
      .catch(() => setStats(null))
  }

  useDidShow(() => {
    if (id) load()
  })

  const checkIn = async (text: string) => {
    if (!text.trim()) return
    setBusy(true)
    setResult(null)
    try {
      const s = await checkInByCode(id, text)
      setResult({ ok: true, text: `${s.mother.name} 签到成功（第${s.seq}号）` })
      setCode('')
      load()
    } catch (error) {
      setResult({ ok: false, text: error instanceof ApiError ? error.message : '签到失败，请重试' })
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    try {
      const { result: text } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
      setCode(text)
      await checkIn(text)
    } catch {
      // cancelled
    }
  }

  const search = () => {
    if (!station) return
    listStationMothers(station.stationId, q)
      .then(setFound)
      .catch(() => setFound([]))
  }

  const walkIn = async (m: StationMother) => {
    try {
      const { created } = await checkInWalkIn(id, m.id)
      setResult({ ok: true, text: `${m.name} ${created ? '现场登记签到成功' : '已签到'}` })
      load()
    } catch {
      // shown by http.ts
    }
  }

  const cancel = async () => {
    if (!cancelReason.trim()) {
      setResult({ ok: false, text: '请填写取消原因（会通知已报名的宝妈）' })
      return
    }
    const { confirm } = await Taro.showModal({ title: '取消招聘会', content: '取消后会通知所有已报名的宝妈，确定取消吗？', confirmText: '确定取消', cancelText: '不取消' })
    if (!confirm) return
    await cancelFair(id, cancelReason.trim()).catch(() => undefined)
    load()
  }

  const addLive = async () => {
    setLiveError(null)
    const startsAt = new Date(`${fair?.date}T${live.start}:00+08:00`)
    const endsAt = new Date(`${fair?.date}T${live.end}:00+08:00`)
    if (!live.title.trim() || !live.target.trim() || Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) {
      setLiveError('请填写直播标题、视频号ID或链接、开始和结束时间（时:分）')
      return
    }
    try {
      await addFairLivestream(id, {
        title: live.title.trim(),
        platform: live.platform,
        ...(live.platform === 'wechat_channels' ? { channelsId: live.target.trim() } : { url: live.target.trim() }),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      })
      setLive({ ...live, title: '', target: '' })
      load()
    } catch (error) {
      setLiveError(error instanceof ApiError ? error.message : '添加失败')
    }
  }

  if (!fair) {
    return (
      <View className='page'>
        <Text className='hint'>正在加载…</Text>
      </View>
    )
  }
  const checkedIn = signups.filter((s) => s.status === 'checked_in').length
  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>{fair.title}</Text>
      </View>
      <Text className='hint'>
        {fair.date} {fair.startTime}-{fair.endTime} · {fair.mode === 'online' ? '线上' : fair.address} · {fair.statusLabel}
      </Text>
      <Tabs
        label='招聘会现场'
        tabs={[
          { value: 'door', label: `签到（${checkedIn}）` },
          { value: 'stats', label: '成效统计' },
          { value: 'live', label: '直播带岗' },
        ]}
        value={tab}
        onChange={setTab}
      />

      {tab === 'door' && (
        <View>
          <Field label='签到码' hint='输入宝妈出示的18位签到码（空格和短横线可不输）'>
            <TextInput label='签到码' kind='number' value={code} onChange={setCode} maxLength={24} onConfirm={() => void checkIn(code)} placeholder='000012-00007-4839203' />
          </Field>
          <View className='page-actions'>
            <ActionButton busy={busy} onClick={() => void checkIn(code)}>
              签到
            </ActionButton>
            {isWeapp && (
              <ActionButton kind='secondary' onClick={() => void scan()}>
                扫码签到
              </ActionButton>
            )}
          </View>
          {result &&
            (result.ok ? (
              <View role='status'>
                <Text className='tag tag--ok'>{result.text}</Text>
              </View>
            ) : (
              <Alert>{result.text}</Alert>
            ))}

          <View role='heading' aria-level={2}>
            <Text className='section-title'>现场登记（未报名的宝妈）</Text>
          </View>
          {station ? (
            <View>
              <Text className='hint'>先在驿站登记台为她办理求职登记，再在这里找到她并签到。</Text>
              <View className='page-actions'>
                <ActionButton kind='secondary' small onClick={() => void Taro.navigateTo({ url: '/packages/station/register/index' })}>
                  办理求职登记
                </ActionButton>
              </View>
              <View className='page-actions'>
                <TextInput label='按姓名或手机号查找宝妈' value={q} onChange={setQ} onConfirm={search} placeholder='姓名或手机号' />
                <ActionButton kind='secondary' small onClick={search}>
                  查找
                </ActionButton>
              </View>
              {found?.length === 0 && <Text className='hint'>没有找到，请先办理求职登记。</Text>}
              {found?.map((m) => (
                <View key={m.id} className='card' role='article' aria-label={m.name}>
                  <Text className='card__title'>{m.name}</Text>
                  <Text className='card__meta'>{m.phoneMasked}</Text>
                  <View className='card__actions'>
                    <ActionButton small label={`${m.name}现场签到`} onClick={() => void walkIn(m)}>
                      签到入场
                    </ActionButton>
                  </View>
                </View>
              ))}
            </View>
          ) : (
            <Text className='hint'>现场登记请由驿站工作人员办理。</Text>
          )}

          <View role='heading' aria-level={2}>
            <Text className='section-title'>报名名单（{signups.length}）</Text>
          </View>
          {signups.map((s) => (
            <View key={s.id} className='card' role='article' aria-label={`第${s.seq}号 ${s.mother.name}`}>
              <Text className='card__title'>
                第{s.seq}号 {s.mother.name}
              </Text>
              <Text className='card__meta'>
                {s.mother.phoneMasked ?? ''} {s.walkIn ? '· 现场登记' : ''}
              </Text>
              <Text className={`tag ${s.status === 'checked_in' ? 'tag--ok' : s.status === 'cancelled' ? '' : 'tag--info'}`}>{s.statusLabel}</Text>
            </View>
          ))}
          {fair.status === 'published' && (
            <View className='page-actions'>
              <TextInput label='取消原因' value={cancelReason} onChange={setCancelReason} maxLength={200} placeholder='如需取消，请填写原因' />
              <ActionButton kind='danger' small onClick={() => void cancel()}>
                取消招聘会
              </ActionButton>
            </View>
          )}
        </View>
      )}

      {tab === 'stats' && stats && (
        <View>
          <View className='card' role='group' aria-label='招聘会成效'>
            <Text className='card__text'>
              报名 {stats.signUps} 人 · 取消 {stats.cancelled} 人 · 现场登记 {stats.walkIns} 人
            </Text>
            <Text className='card__text'>签到入场 {stats.checkIns} 人</Text>
            <Text className='card__text'>
              投递 {stats.applications} 份（{stats.applicants} 人）· 录用 {stats.hires} 人
            </Text>
          </View>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>各单位</Text>
          </View>
          {stats.employers.map((e) => (
            <View key={e.employerId} className='card' role='article' aria-label={e.employerName}>
              <Text className='card__title'>{e.employerName}</Text>
              <Text className='card__meta'>
                岗位 {e.posts} 个 · 投递 {e.applications} 份 · 录用 {e.hires} 人
              </Text>
            </View>
          ))}
          {stats.livestreams.map((l) => (
            <View key={l.id} className='card' role='article' aria-label={`直播：${l.title}`}>
              <Text className='card__title'>直播：{l.title}</Text>
              <Text className='card__meta'>
                投递 {l.applications} 份 · 录用 {l.hires} 人
              </Text>
            </View>
          ))}
        </View>
      )}

      {tab === 'live' && (
        <View>
          {fair.livestreams.map((l) => (
            <View key={l.id} className='card' role='article' aria-label={`直播：${l.title}`}>
              <Text className='card__title'>{l.title}</Text>
              <Text className='card__meta'>
                {l.platformLabel} · {l.phaseLabel}
              </Text>
            </View>
          ))}
          <Field label='直播标题'>
            <TextInput label='直播标题' value={live.title} onChange={(title) => setLive({ ...live, title })} maxLength={60} />
          </Field>
          <Field label='直播平台'>
            <ChoiceChips
              label='直播平台'
              options={[
                { value: 'wechat_channels', label: '微信视频号' },
                { value: 'other', label: '其他平台链接' },
              ]}
              value={live.platform}
              onChange={(v) => setLive({ ...live, platform: v as 'wechat_channels' | 'other' })}
            />
          </Field>
          <Field label={live.platform === 'wechat_channels' ? '视频号ID' : '直播链接（https）'}>
            <TextInput label={live.platform === 'wechat_channels' ? '视频号ID' : '直播链接'} value={live.target} onChange={(target) => setLive({ ...live, target })} maxLength={500} />
          </Field>
          <Field label={`直播时间（${fair.date}，时:分）`}>
            <View className='page-actions'>
              <TextInput label='直播开始' value={live.start} onChange={(start) => setLive({ ...live, start })} maxLength={5} placeholder='19:00' />
              <TextInput label='直播结束' value={live.end} onChange={(end) => setLive({ ...live, end })} maxLength={5} placeholder='20:30' />
            </View>
          </Field>
          {liveError && <Alert>{liveError}</Alert>}
          <View className='page-actions'>
            <ActionButton onClick={() => void addLive()}>添加直播</ActionButton>
          </View>
        </View>
      )}
    </View>
  )
}
