import { AppException } from '../../common/errors';
import type { AUTH_ERROR_STATUS } from '../../common/errors/error-status';

export type AuthErrorCode = keyof typeof AUTH_ERROR_STATUS;

export class AuthException extends AppException<AuthErrorCode> {
  static wechatNotConfigured() {
    return new AuthException('WECHAT_NOT_CONFIGURED', '微信登录暂未开通，请稍后再试');
  }
  static wechatUnavailable() {
    return new AuthException('WECHAT_UNAVAILABLE', '微信服务暂时无法连接，请稍后再试');
  }
  static wechatLoginFailed() {
    return new AuthException('WECHAT_LOGIN_FAILED', '微信登录失败，请重新打开小程序再试');
  }
  static wechatPhoneFailed() {
    return new AuthException('WECHAT_PHONE_FAILED', '获取手机号失败，请重试或手动输入手机号');
  }
  static devLoginDisabled() {
    return new AuthException('DEV_LOGIN_DISABLED', '演示登录未开启');
  }
  static demoUserNotFound() {
    return new AuthException('DEMO_USER_NOT_FOUND', '没有这个演示用户');
  }
  static phoneInvalid(message: string) {
    return new AuthException('PHONE_INVALID', message);
  }
  static phoneTaken() {
    return new AuthException('PHONE_TAKEN', '这个手机号已绑定其他账号，如有疑问请到就近的妈妈岗驿站咨询');
  }
  static codeTooSoon() {
    // Retry-After like every other 429: at most the minute between two codes.
    return new AuthException('PHONE_CODE_TOO_SOON', '验证码发送太频繁，请1分钟后再试', { headers: { 'Retry-After': '60' } });
  }
  static codeInvalid() {
    return new AuthException('PHONE_CODE_INVALID', '验证码不正确或已过期，请重新获取');
  }
}
