// WeChat sign-in: wx.login gives a one-time code; the API exchanges it for the openid.
import Taro from '@tarojs/taro'
import type { GetWechatCode, LoginMethod } from './login.types'

export const LOGIN_METHOD: LoginMethod = 'wechat'

export const getWechatCode: GetWechatCode = async () => {
  const { code } = await Taro.login()
  if (!code) throw new Error('微信登录失败，请稍后重试')
  return code
}
