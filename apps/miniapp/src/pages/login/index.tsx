import { Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/Form'
import {
  currentMe,
  goHome,
  listDemoUsers,
  loginMethod,
  ROLE_LABELS,
  rolesOf,
  signInAsDemo,
  signInWithWechat,
  signOut,
} from '../../services/auth'
import type { DemoUser, Me, RoleCode } from '../../types/api'
import './index.scss'

const KNOWN_ROLES = new Set(Object.keys(ROLE_LABELS))

function roleText(roles: string[]): string {
  const known = roles.filter((r) => KNOWN_ROLES.has(r)).map((r) => ROLE_LABELS[r as RoleCode])
  return known.length ? known.join('、') : '新用户（还没有身份）'
}

/**
 * Sign-in and role switch. WeChat: one tap (wx.login). H5: the development sign-in lists the
 * API's demo users (only when the API runs with DEV_LOGIN=true). With several roles she picks
 * which one to act as; each role lands on its own home.
 */
export default function LoginPage() {
  const { params } = useRouter<{ choose?: string }>()
  const [me, setMe] = useState<Me | null>(null)
  const [users, setUsers] = useState<DemoUser[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [busyKey, setBusyKey] = useState<string | null>(null)
  const choosing = params.choose === '1' && me !== null

  useLoad(() => {
    const signedIn = currentMe()
    setMe(signedIn)
    if (loginMethod() === 'dev') {
      listDemoUsers()
        .then(setUsers)
        .catch(() => setFailed(true))
    }
  })

  const afterSignIn = (signedIn: Me) => {
    setMe(signedIn)
    if (rolesOf(signedIn).length > 1) {
      void Taro.redirectTo({ url: '/pages/login/index?choose=1' })
      return
    }
    goHome(signedIn)
  }

  const signInDemo = async (user: DemoUser) => {
    setBusyKey(user.demoKey)
    try {
      signOut()
      afterSignIn(await signInAsDemo(user.demoKey))
    } catch {
      // http.ts showed the API's message
    } finally {
      setBusyKey(null)
    }
  }

  const signInWechat = async () => {
    setBusyKey('wechat')
    try {
      afterSignIn(await signInWithWechat())
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '登录失败，请重试', icon: 'none' })
    } finally {
      setBusyKey(null)
    }
  }

  if (choosing && me) {
    const roles = rolesOf(me)
    return (
      <View className='page login'>
        <View role='heading' aria-level={1}>
          <Text className='section-title'>{me.displayName}，请选择身份</Text>
        </View>
        <Text className='hint'>您有多个身份，选择现在要办理的事情，之后可以在“我的”里切换。</Text>
        <View className='login__list' role='list' aria-label='我的身份'>
          {roles.map((role) => (
            <View key={role} role='listitem' className='login__item'>
              <ActionButton kind='secondary' onClick={() => goHome(me, role)}>
                以{ROLE_LABELS[role]}身份进入
              </ActionButton>
            </View>
          ))}
          <View role='listitem' className='login__item'>
            <ActionButton kind='secondary' onClick={() => void Taro.navigateTo({ url: '/packages/employer/filing/index' })}>
              为单位办理备案
            </ActionButton>
          </View>
        </View>
      </View>
    )
  }

  if (loginMethod() === 'wechat') {
    return (
      <View className='page login'>
        <View role='heading' aria-level={1}>
          <Text className='section-title'>登录妈妈岗</Text>
        </View>
        <Text className='hint'>使用微信身份登录，不会获取您的微信好友和聊天信息。</Text>
        <View className='login__item'>
          <ActionButton busy={busyKey === 'wechat'} onClick={() => void signInWechat()}>
            微信一键登录
          </ActionButton>
        </View>
        {me && <Text className='hint'>当前已登录：{me.displayName}</Text>}
      </View>
    )
  }

  return (
    <View className='page login'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>演示登录</Text>
      </View>
      <Text className='hint'>浏览器里没有微信身份。开发和演示环境可以选择一个演示账号登录，体验不同身份的功能。</Text>
      {failed && <Text className='hint'>本环境没有开启演示登录（DEV_LOGIN）。请在微信中打开妈妈岗小程序。</Text>}
      {!failed && users === null && <Text className='hint'>正在加载演示账号…</Text>}
      {users && (
        <View className='login__list' role='list' aria-label='演示账号'>
          {users.map((user) => (
            <View
              key={user.demoKey}
              className='login__user'
              role='listitem'
              aria-label={`以${user.displayName}登录`}
              data-demo-key={user.demoKey}
              data-roles={user.roles.join(',')}
              onClick={() => void signInDemo(user)}
            >
              <Text className='login__user-name'>{user.displayName}</Text>
              <Text className='login__user-roles'>{busyKey === user.demoKey ? '正在登录…' : roleText(user.roles)}</Text>
            </View>
          ))}
        </View>
      )}
      {me && (
        <Text className='hint'>
          当前已登录：{me.displayName}（{roleText(rolesOf(me))}）。选择其他账号将切换身份。
        </Text>
      )}
    </View>
  )
}
