// H5 development sign-in: there is no WeChat identity in a plain browser, so the user
// picks one of the API's demo users (the API accepts this only in development).
import Taro from '@tarojs/taro'
import { DEMO_USERS, LoginCancelledError, type GetLoginCredential, type LoginMethod } from './login.types'

export const LOGIN_METHOD: LoginMethod = 'dev'

export const getLoginCredential: GetLoginCredential = async () => {
  let tapIndex: number
  try {
    ;({ tapIndex } = await Taro.showActionSheet({
      alertText: '开发环境登录：选择一个演示账号',
      itemList: DEMO_USERS.map((user) => user.label),
    }))
  } catch {
    throw new LoginCancelledError()
  }
  const user = DEMO_USERS[tapIndex]
  if (!user) throw new LoginCancelledError()
  return { kind: 'dev', demoUser: user.key }
}
