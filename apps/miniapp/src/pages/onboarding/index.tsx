import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { STAGE_OPTIONS, type Option } from '../../constants/options'
import {
  getPrefs,
  HOURS_OPTIONS,
  PLACE_OPTIONS,
  savePrefs,
  type HoursChoice,
  type PlaceChoice,
} from '../../services/prefs'
import type { ChildcareStage } from '../../types/post'
import { Button } from '../../ui/button'
import { Radio } from '../../ui/radio'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

interface QuestionProps<T extends string> {
  index: number
  title: string
  options: Option<T>[]
  value: T | undefined
  onChange: (value: T) => void
}

function Question<T extends string>({ index, title, options, value, onChange }: QuestionProps<T>) {
  return (
    <View className='onboarding__question'>
      <Text className='onboarding__question-title'>
        {index}. {title}
      </Text>
      <Radio.Group
        className='onboarding__choices'
        shape='button'
        direction='vertical'
        value={value}
        options={options.map((o) => ({ value: o.value, label: o.label }))}
        onChange={(picked) => onChange(String(picked) as T)}
      />
    </View>
  )
}

export default function OnboardingPage() {
  const [stage, setStage] = useState<ChildcareStage>()
  const [hours, setHours] = useState<HoursChoice>()
  const [place, setPlace] = useState<PlaceChoice>()
  const [contractName, setContractName] = useState('《妈妈岗隐私保护指引》')

  useLoad(() => {
    const saved = getPrefs()
    if (saved) {
      setStage(saved.stage)
      setHours(saved.hours)
      setPlace(saved.place)
    }
    if (isWeapp && Taro.getPrivacySetting) {
      Taro.getPrivacySetting({
        success: (res) => res.privacyContractName && setContractName(res.privacyContractName),
      })
    }
  })

  const complete = Boolean(stage && hours && place)

  const finish = () => {
    if (!stage || !hours || !place) {
      void Taro.showToast({ title: '请先回答上面 3 个问题', icon: 'none' })
      return
    }
    savePrefs({ stage, hours, place, privacyAcceptedAt: new Date().toISOString() })
    void Taro.switchTab({ url: '/pages/index/index' })
  }

  const openContract = () => {
    if (isWeapp && Taro.openPrivacyContract) void Taro.openPrivacyContract({})
  }

  return (
    <View className='page onboarding'>
      <View className='onboarding__privacy'>
        <View role='heading' aria-level={1}>
          <Text className='onboarding__title'>欢迎来到妈妈岗</Text>
        </View>
        <Text className='onboarding__text'>
          这里的岗位时间灵活，兼顾接送孩子。为了给您推荐合适的岗位，我们会在您同意后使用：
        </Text>
        <Text className='onboarding__text'>· 位置信息：计算岗位离家多远（可随时在设置中关闭）</Text>
        <Text className='onboarding__text'>· 您下面的 3 个回答：只用于推荐岗位，保存在本机</Text>
        <Text className='onboarding__text'>· 登录后的手机号和简历：仅在您申请岗位时发给该单位</Text>
        {isWeapp && (
          <View className='onboarding__link' role='link' onClick={openContract}>
            <Text>查看完整的{contractName}</Text>
          </View>
        )}
      </View>

      <Question index={1} title='最小的孩子多大？' options={STAGE_OPTIONS} value={stage} onChange={setStage} />
      <Question index={2} title='您什么时候方便工作？' options={HOURS_OPTIONS} value={hours} onChange={setHours} />
      <Question index={3} title='您希望怎样工作？' options={PLACE_OPTIONS} value={place} onChange={setPlace} />

      <View className='onboarding__actions'>
        {isWeapp && complete ? (
          // WeChat records the privacy consent when this exact button is tapped.
          <Button
            className='onboarding__agree'
            type='primary'
            block
            id='agree-privacy'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={finish}
          >
            同意隐私说明并开始
          </Button>
        ) : (
          <Button className='onboarding__agree' type='primary' block disabled={!complete} onClick={finish}>
            同意隐私说明并开始
          </Button>
        )}
      </View>
    </View>
  )
}
