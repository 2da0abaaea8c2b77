// H5: there is no WeChat identity in a plain browser. The sign-in page lists the API's demo
// users instead (GET /api/auth/dev/users, only when the API runs with DEV_LOGIN=true).
import type { GetWechatCode, LoginMethod } from './login.types'

export const LOGIN_METHOD: LoginMethod = 'dev'

export const getWechatCode: GetWechatCode = async () => {
  throw new Error('请在微信中打开妈妈岗小程序登录')
}
