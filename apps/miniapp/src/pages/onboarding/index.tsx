import { Button as WxButton, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { childAge, formatWindows, schoolDayWindows, stageForChildAge, type WorkingMode } from '@mamagang/domain'
import { useState } from 'react'
import ChildrenField from '../../components/ChildrenField'
import { ActionButton, ChoiceChips, Field } from '../../components/Form'
import LocationField, { effectivePoint, type LocationValue } from '../../components/LocationField'
import WindowsField, { readWindows, type WindowPreset } from '../../components/WindowsField'
import { PRIVACY_NOTICE, PRIVACY_NOTICE_SUMMARY } from '../../constants/notices'
import { currentMe, go, hasRole, loginMethod, refreshMe, signInWithWechat } from '../../services/auth'
import { listRegions } from '../../services/catalogue'
import { roundPoint } from '../../services/location'
import { saveMyProfile } from '../../services/mothers'
import { answerPrivacy, hasPendingPrivacyRequest, privacyAccepted } from '../../services/privacy'
import type { ChildInput, Region } from '../../types/api'
import { todayInChina } from '../../utils/format'
import './index.scss'

type Step = 'privacy' | 'signin' | 'questions'

const isWeapp = process.env.TARO_ENV === 'weapp'

type WorkPlace = 'nearby' | 'take_home' | 'online'

const WORK_PLACES: { value: WorkPlace; label: string }[] = [
  { value: 'nearby', label: '到单位上班，离家近' },
  { value: 'take_home', label: '把活带回家做' },
  { value: 'online', label: '在家线上工作' },
]

/** Ready-made answers to "when are you free", the first one from her youngest child's school day. */
export function freeTimePresets(children: ChildInput[], today: string): WindowPreset[] {
  const ages = children.map((c) => childAge(c.birthYear, c.birthMonth, today)).flatMap((a) => (a.ok ? [a.totalMonths] : []))
  const stage = ages.length ? stageForChildAge(Math.min(...ages)) : null
  const school = stage ? schoolDayWindows(stage, { daycare: true }) : []
  const presets: WindowPreset[] = []
  if (school.length) {
    const text = formatWindows(school)
    presets.push({ label: `孩子在园/在校时（${text}）`, text })
  }
  presets.push(
    { label: '晚上孩子睡后（每天 20:00-22:00）', text: '每天 20:00-22:00' },
    { label: '周末（9:00-17:00）', text: '周六至周日 9:00-17:00' },
    { label: '时间比较灵活（每天 8:00-20:00）', text: '每天 8:00-20:00' },
  )
  return presets
}

function initialStep(requested: string | undefined): Step {
  if (requested === 'questions' || requested === 'signin' || requested === 'privacy') return requested
  if (!privacyAccepted()) return 'privacy'
  return currentMe() ? 'questions' : 'signin'
}

/**
 * First run: what 妈妈岗 is and what her data is used for (the privacy notice; on WeChat the
 * agree button is the privacy-agreement button), sign-in, then three questions so the first
 * list already fits her: children's birth year-month, where she can work from, when she is free.
 */
export default function OnboardingPage() {
  const { params } = useRouter<{ step?: string; resume?: string }>()
  const today = todayInChina()
  const [step, setStep] = useState<Step>(() => initialStep(params.step))
  const [regions, setRegions] = useState<Region[]>([])
  const [children, setChildren] = useState<ChildInput[]>([{ birthYear: Number(today.slice(0, 4)) - 4, birthMonth: 1 }])
  const [place, setPlace] = useState<LocationValue>({ regionCode: '', point: null, address: '' })
  const [workPlaces, setWorkPlaces] = useState<WorkPlace[]>(['nearby'])
  const [freeText, setFreeText] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)

  useLoad(() => {
    listRegions()
      .then((list) => {
        const districts = list.filter((r) => r.level === 'district')
        setRegions(districts.length ? districts : list)
      })
      .catch(() => setRegions([]))
  })

  const presets = freeTimePresets(children, today)
  const free = freeText || presets[0].text
  const read = readWindows(free)
  const regionCode = place.regionCode || regions[0]?.code || ''

  const agree = () => {
    answerPrivacy(true)
    if (params.resume === '1' || hasPendingPrivacyRequest()) {
      void Taro.navigateBack()
      return
    }
    const me = currentMe()
    if (me && hasRole(me, 'mother')) go('/pages/index/index')
    else setStep(me ? 'questions' : 'signin')
  }

  const decline = () => {
    answerPrivacy(false)
    go('/pages/search/index')
  }

  const signIn = async () => {
    if (!isWeapp) {
      void Taro.navigateTo({ url: '/pages/login/index' })
      return
    }
    setBusy(true)
    try {
      const me = await signInWithWechat()
      if (hasRole(me, 'mother')) go('/pages/index/index')
      else setStep('questions')
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '登录失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const finish = async () => {
    setSubmitted(true)
    if (!read.ok || children.length === 0 || !regionCode) return
    const home = effectivePoint({ ...place, regionCode }, regions)
    const wantedModes: WorkingMode[] = []
    if (workPlaces.includes('take_home')) wantedModes.push('take_home')
    if (workPlaces.includes('online')) wantedModes.push('new_economy')
    setBusy(true)
    try {
      await saveMyProfile({
        regionCode,
        children,
        ...(home ? { home: roundPoint(home) } : {}),
        availableWindows: read.windows,
        wantedModes,
      })
      await refreshMe()
      go('/pages/index/index')
    } catch {
      // http.ts showed the API's reason (e.g. no child under 12)
    } finally {
      setBusy(false)
    }
  }

  if (step === 'privacy') {
    return (
      <View className='page onboarding'>
        <View className='onboarding__privacy'>
          <View role='heading' aria-level={1}>
            <Text className='onboarding__title'>欢迎来到妈妈岗</Text>
          </View>
          <Text className='onboarding__text'>{PRIVACY_NOTICE_SUMMARY}</Text>
          <Text className='onboarding__subtitle'>我们会用到的信息和用途</Text>
          {PRIVACY_NOTICE.map((item) => (
            <Text key={item.data} className='onboarding__text'>
              · {item.data}：{item.purpose}
            </Text>
          ))}
          {isWeapp && (
            <View className='onboarding__link' role='link' onClick={() => void Taro.openPrivacyContract?.({})}>
              <Text>查看完整的《妈妈岗隐私保护指引》</Text>
            </View>
          )}
        </View>
        <View className='onboarding__actions'>
          {isWeapp ? (
            // WeChat records the privacy consent when this exact button is tapped.
            <WxButton className='onboarding__agree' id='agree-privacy' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={agree}>
              同意并继续
            </WxButton>
          ) : (
            <ActionButton onClick={agree}>同意并继续</ActionButton>
          )}
          <View className='onboarding__later' role='button' onClick={decline}>
            <Text>暂不同意，先随便看看岗位</Text>
          </View>
        </View>
      </View>
    )
  }

  if (step === 'signin') {
    return (
      <View className='page onboarding'>
        <View className='onboarding__privacy'>
          <View role='heading' aria-level={1}>
            <Text className='onboarding__title'>登录</Text>
          </View>
          <Text className='onboarding__text'>登录后可以保存您的求职信息、一键申请岗位并查看进度。</Text>
        </View>
        <View className='onboarding__actions'>
          <ActionButton busy={busy} onClick={() => void signIn()}>
            {isWeapp ? '微信一键登录' : '演示账号登录'}
          </ActionButton>
          <View className='onboarding__later' role='button' onClick={() => go('/pages/search/index')}>
            <Text>先随便看看岗位</Text>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='page onboarding'>
      <View className='onboarding__privacy'>
        <View role='heading' aria-level={1}>
          <Text className='onboarding__title'>回答3个问题，马上为您推荐</Text>
        </View>
        <Text className='onboarding__text'>只用于推荐合适的岗位，之后可以在“我的”里修改。</Text>
      </View>
      <Field label='1. 孩子的出生年月' required error={submitted && children.length === 0 ? '请至少添加一个孩子' : null}>
        <ChildrenField value={children} onChange={setChildren} today={today} />
      </Field>
      <Field label='2. 您可以在哪里工作' required hint='选择住的区县，也可以用现在的位置，距离会更准'>
        <LocationField label='家的位置' regions={regions} value={{ ...place, regionCode }} onChange={setPlace} allowPick={loginMethod() === 'wechat'} />
        <ChoiceChips label='工作地点' options={WORK_PLACES} value={workPlaces} multiple onChange={(v) => setWorkPlaces(v as WorkPlace[])} />
      </Field>
      <Field label='3. 您什么时候有空' required error={submitted && !read.ok ? read.message : null}>
        <WindowsField label='有空的时间' text={free} onChange={setFreeText} presets={presets} />
      </Field>
      <View className='onboarding__actions'>
        <ActionButton busy={busy} onClick={() => void finish()}>
          开始找工作
        </ActionButton>
        {!hasRole(currentMe(), 'mother') && (
          <View className='onboarding__later' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/employer/filing/index' })}>
            <Text>我是用人单位，去办理备案</Text>
          </View>
        )}
      </View>
    </View>
  )
}
