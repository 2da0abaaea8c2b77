import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { loginMethod } from '../../services/auth'
import { ActionButton } from '../Form'

/** The way out of a staff workspace: 我的 (roles, sign-out) and, in the demo, another account. */
export default function StaffFooter() {
  return (
    <View className='page-actions'>
      <ActionButton kind='secondary' small onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        我的（切换身份、退出登录）
      </ActionButton>
      {loginMethod() === 'dev' && (
        <ActionButton kind='secondary' small onClick={() => void Taro.reLaunch({ url: '/pages/login/index' })}>
          切换演示账号
        </ActionButton>
      )}
    </View>
  )
}
