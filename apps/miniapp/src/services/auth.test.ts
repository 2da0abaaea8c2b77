// Runs the H5 flavour (jest resolves './login' to login.h5.ts, as Taro does for H5).
import Taro from '@tarojs/taro'
import type { Me } from '../types/api'
import { activeRole, currentMe, landingFor, listDemoUsers, loginMethod, rolesOf, setActiveRole, signInAsDemo, signOut } from './auth'
import { getToken } from './token'

const mockRequest = Taro.request as jest.Mock

function answer(statusCode: number, body: unknown) {
  mockRequest.mockResolvedValueOnce({ statusCode, data: JSON.stringify(body), header: {}, errMsg: 'request:ok' })
}

function me(roles: Me['roles'], motherId: string | null = null): Me {
  return { userId: 'u1', displayName: '李女士', phoneMasked: null, motherId, roles }
}

const grant = (role: Me['roles'][number]['role'], extra: Partial<Me['roles'][number]> = {}) => ({
  role,
  employerId: null,
  stationId: null,
  regionCode: null,
  ...extra,
})

describe('auth (H5 development sign-in)', () => {
  beforeEach(() => signOut())

  it('uses the dev method on H5', () => {
    expect(loginMethod()).toBe('dev')
  })

  it('lists the demo users from the API', async () => {
    answer(200, [{ demoKey: 'mother', displayName: '王女士', roles: ['mother'] }])
    await expect(listDemoUsers()).resolves.toEqual([{ demoKey: 'mother', displayName: '王女士', roles: ['mother'] }])
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: expect.stringMatching(/\/api\/auth\/dev\/users$/), method: 'GET' })
  })

  it('signs in as a demo user, then reads /api/me with the new token and keeps both', async () => {
    answer(200, { token: 'tok-e', expiresAt: '2030-01-01T00:00:00Z', userId: 'u1' })
    answer(200, me([grant('employer_member', { employerId: 'e1' })]))

    const signedIn = await signInAsDemo('employer')

    expect(mockRequest.mock.calls[0][0]).toMatchObject({
      url: expect.stringMatching(/\/api\/auth\/dev$/),
      method: 'POST',
      data: JSON.stringify({ demoKey: 'employer' }),
    })
    expect(mockRequest.mock.calls[1][0]).toMatchObject({ url: expect.stringMatching(/\/api\/me$/), method: 'GET' })
    expect(mockRequest.mock.calls[1][0].header.Authorization).toBe('Bearer tok-e')
    expect(signedIn.roles[0].role).toBe('employer_member')
    expect(getToken()).toBe('tok-e')
    expect(currentMe()).toEqual(signedIn)

    signOut()
    expect(getToken()).toBeNull()
    expect(currentMe()).toBeNull()
  })

  it('drops the token when /api/me fails right after sign-in', async () => {
    answer(200, { token: 'tok-x', expiresAt: '2030-01-01T00:00:00Z', userId: 'u1' })
    answer(500, { code: 'INTERNAL', message: '服务暂时不可用' })
    await expect(signInAsDemo('mother')).rejects.toMatchObject({ status: 500 })
    expect(getToken()).toBeNull()
  })
})

describe('role routing', () => {
  beforeEach(() => signOut())

  it.each([
    [[grant('official', { regionCode: '371000' })], null, '/packages/official/filings/index'],
    [[grant('station_worker', { stationId: 's1', regionCode: '371002' })], null, '/packages/station/worklist/index'],
    [[grant('employer_member', { employerId: 'e1' })], null, '/packages/employer/posts/index'],
    [[grant('mother')], 'm1', '/pages/index/index'],
    [[], null, '/pages/onboarding/index?step=questions'],
  ])('roles %j land on %s', (roles, motherId, expected) => {
    expect(landingFor(me(roles as Me['roles'], motherId as string | null))).toBe(expected)
  })

  it('sends a user with several roles to the chooser, and remembers the chosen one', () => {
    const both = me([grant('mother'), grant('employer_member', { employerId: 'e1' })], 'm1')
    expect(rolesOf(both)).toEqual(['mother', 'employer_member'])
    expect(landingFor(both)).toBe('/pages/login/index?choose=1')
    expect(activeRole(both)).toBeNull()
    setActiveRole('employer_member')
    expect(activeRole(both)).toBe('employer_member')
  })

  it('counts a linked mother profile as the mother role', () => {
    expect(rolesOf(me([], 'm9'))).toEqual(['mother'])
  })
})
