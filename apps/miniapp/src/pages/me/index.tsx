import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { currentUser, LoginCancelledError, signIn, signOut, type SessionUser } from '../../services/auth'
import { getPrefs, HOURS_OPTIONS, PLACE_OPTIONS, type MotherPrefs } from '../../services/prefs'
import { STAGE_OPTIONS } from '../../constants/options'
import { Button } from '../../ui/button'
import { Cell, CellGroup } from '../../ui/cell'
import './index.scss'

const ROLE_LABEL: Record<SessionUser['role'], string> = {
  mother: '宝妈',
  employer: '用人单位',
  station: '驿站工作人员',
  official: '人社局 / 妇联',
}

function labelOf<T>(options: { value: T; label: string }[], value: T): string {
  return options.find((o) => o.value === value)?.label ?? '未填写'
}

export default function MePage() {
  const [user, setUser] = useState<SessionUser | null>(null)
  const [prefs, setPrefs] = useState<MotherPrefs | null>(null)
  const [busy, setBusy] = useState(false)

  useDidShow(() => {
    setUser(currentUser())
    setPrefs(getPrefs())
  })

  const login = async () => {
    setBusy(true)
    try {
      setUser(await signIn())
    } catch (error) {
      if (!(error instanceof LoginCancelledError)) console.warn('sign-in failed', error)
    } finally {
      setBusy(false)
    }
  }

  const go = (url: string) => () => void Taro.navigateTo({ url })

  return (
    <View className='page me'>
      <View className='me__header'>
        <Text className='me__name'>{user ? user.name : '未登录'}</Text>
        <Text className='me__role'>{user ? ROLE_LABEL[user.role] : '登录后可申请岗位、查看申请进度'}</Text>
        {user ? (
          <Button
            className='me__button'
            fill='outline'
            onClick={() => {
              signOut()
              setUser(null)
            }}
          >
            退出登录
          </Button>
        ) : (
          <Button className='me__button' type='primary' loading={busy} onClick={login}>
            {process.env.TARO_ENV === 'weapp' ? '微信一键登录' : '开发环境登录'}
          </Button>
        )}
      </View>

      <CellGroup title='我的求职偏好'>
        <Cell title='孩子阶段' extra={prefs ? labelOf(STAGE_OPTIONS, prefs.stage) : '未填写'} />
        <Cell title='可工作时间' extra={prefs ? labelOf(HOURS_OPTIONS, prefs.hours) : '未填写'} />
        <Cell title='工作方式' extra={prefs ? labelOf(PLACE_OPTIONS, prefs.place) : '未填写'} />
        <Cell title='重新填写偏好、查看隐私说明' clickable onClick={go('/pages/onboarding/index')} />
      </CellGroup>

      <CellGroup title='工作人员入口'>
        <Cell title='用人单位：备案与发布岗位' clickable onClick={go('/packages/employer/posts/index')} />
        <Cell title='驿站：求职登记与 12333 服务' clickable onClick={go('/packages/station/worklist/index')} />
        <Cell title='人社局 / 妇联：审核与数据' clickable onClick={go('/packages/official/dashboard/index')} />
      </CellGroup>
    </View>
  )
}
