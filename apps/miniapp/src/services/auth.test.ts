// Runs the H5 login (jest resolves './login' to login.h5.ts, as Taro does for H5).
import Taro from '@tarojs/taro'
import { currentUser, DEMO_USERS, LoginCancelledError, loginMethod, signIn, signOut } from './auth'
import { getToken } from './token'

const mockRequest = Taro.request as jest.Mock
const mockActionSheet = Taro.showActionSheet as jest.Mock

describe('auth (H5 development sign-in)', () => {
  beforeEach(() => signOut())

  it('uses the dev method on H5', () => {
    expect(loginMethod()).toBe('dev')
  })

  it('signs in as the chosen demo user and keeps the session', async () => {
    const employer = DEMO_USERS.findIndex((u) => u.role === 'employer')
    mockActionSheet.mockResolvedValueOnce({ tapIndex: employer, errMsg: 'showActionSheet:ok' })
    mockRequest.mockResolvedValueOnce({
      statusCode: 200,
      data: JSON.stringify({ token: 'tok-e', user: { id: 'u2', role: 'employer', name: '云帆电商' } }),
    })

    const user = await signIn()

    expect(mockActionSheet.mock.calls[0][0].itemList).toEqual(DEMO_USERS.map((u) => u.label))
    expect(mockRequest.mock.calls[0][0]).toMatchObject({
      url: expect.stringMatching(/\/api\/auth\/dev$/),
      method: 'POST',
      data: JSON.stringify({ demoUser: 'demo-employer' }),
    })
    expect(user).toEqual({ id: 'u2', role: 'employer', name: '云帆电商' })
    expect(getToken()).toBe('tok-e')
    expect(currentUser()).toEqual(user)

    signOut()
    expect(getToken()).toBeNull()
    expect(currentUser()).toBeNull()
  })

  it('throws LoginCancelledError and calls no API when the choice is dismissed', async () => {
    mockActionSheet.mockRejectedValueOnce({ errMsg: 'showActionSheet:fail cancel' })

    await expect(signIn()).rejects.toBeInstanceOf(LoginCancelledError)
    expect(mockRequest).not.toHaveBeenCalled()
    expect(getToken()).toBeNull()
  })
})
