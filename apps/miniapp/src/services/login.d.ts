// Type of './login' for TypeScript. At build time Taro resolves './login' to
// login.weapp.ts or login.h5.ts (platform file resolution); both export exactly this.
import type { GetWechatCode, LoginMethod } from './login.types'

export declare const LOGIN_METHOD: LoginMethod
export declare const getWechatCode: GetWechatCode
