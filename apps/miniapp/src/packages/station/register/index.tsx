import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import RegistrationForm from '../../../components/RegistrationForm'
import { getConsentNotice, registerMother } from '../../../services/stations'
import { myStation } from '../../../services/workspace'
import type { ConsentNotice, RegistrationInput } from '../../../types/api'

/** 求职登记 at the desk; then the needs survey for the same mother. */
export default function StationRegisterPage() {
  const station = myStation()
  const [notice, setNotice] = useState<ConsentNotice | null>(null)
  const [failed, setFailed] = useState(false)

  useLoad(() => {
    getConsentNotice({ silent: true })
      .then(setNotice)
      .catch(() => setFailed(true))
  })

  const submit = async (input: RegistrationInput) => {
    if (!station) return
    const { mother, created } = await registerMother(station.stationId, input)
    void Taro.showToast({ title: created ? '登记成功' : '她已登记过，已找到她的档案', icon: 'none' })
    void Taro.redirectTo({ url: `/packages/station/survey/index?id=${encodeURIComponent(mother.id)}&name=${encodeURIComponent(mother.name)}` })
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>求职登记</Text>
      </View>
      {!station && <Text className='hint'>您的账号还没有分配到驿站，不能办理登记。</Text>}
      {station && failed && <Text className='hint'>告知书暂时无法加载，请检查网络后重试。没有宝妈的同意不能登记。</Text>}
      {station && !notice && !failed && <Text className='hint'>正在加载…</Text>}
      {station && notice && <RegistrationForm notice={notice} onSubmit={submit} />}
    </View>
  )
}
