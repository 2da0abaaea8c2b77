import Taro from '@tarojs/taro'
import { ApiError, buildUrl, http, NETWORK_ERROR, request, toApiError } from './http'
import { setToken, TOKEN_KEY } from './token'

const mockRequest = Taro.request as jest.Mock
const mockToast = Taro.showToast as jest.Mock

function answer(statusCode: number, body: unknown) {
  mockRequest.mockResolvedValueOnce({
    statusCode,
    data: typeof body === 'string' ? body : JSON.stringify(body),
    header: {},
    errMsg: 'request:ok',
  })
}

describe('http', () => {
  const originalBase = process.env.TARO_APP_API

  beforeEach(() => {
    process.env.TARO_APP_API = 'https://api.example.cn/'
    Taro.removeStorageSync(TOKEN_KEY)
  })

  afterAll(() => {
    process.env.TARO_APP_API = originalBase
  })

  it('builds URLs from TARO_APP_API, skipping empty query values and repeating arrays', () => {
    expect(buildUrl('/api/posts', { q: '客服', page: 2, stage: null, remote: undefined, type: ['a', 'b'], empty: '' })).toBe(
      'https://api.example.cn/api/posts?q=%E5%AE%A2%E6%9C%8D&page=2&type=a&type=b',
    )
    process.env.TARO_APP_API = ''
    expect(buildUrl('api/posts')).toBe('/api/posts')
  })

  it('sends JSON with the bearer token and returns the parsed body', async () => {
    setToken('tok-123')
    answer(200, { id: 'a1' })

    await expect(http.post('/api/posts/p1/applications', { note: '下午可到岗' })).resolves.toEqual({ id: 'a1' })

    const options = mockRequest.mock.calls[0][0]
    expect(options).toMatchObject({
      url: 'https://api.example.cn/api/posts/p1/applications',
      method: 'POST',
      data: JSON.stringify({ note: '下午可到岗' }),
    })
    expect(options.header).toMatchObject({
      Authorization: 'Bearer tok-123',
      'Content-Type': 'application/json',
      Accept: 'application/json',
    })
  })

  it('sends no Authorization header without a token', async () => {
    answer(200, { items: [] })
    await http.get('/api/posts', { page: 1 })
    expect(mockRequest.mock.calls[0][0].header.Authorization).toBeUndefined()
    expect(mockRequest.mock.calls[0][0].data).toBeUndefined()
  })

  it('returns undefined for 204 No Content', async () => {
    answer(204, '')
    await expect(http.delete('/api/posts/p1')).resolves.toBeUndefined()
  })

  it('maps an API error body {code, message} to ApiError and toasts the message', async () => {
    answer(422, { code: 'POST_HOURS_INVALID', message: '工作时间不能晚于 22:00' })

    const error = await request('/api/posts', { method: 'POST', body: {} }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 422, code: 'POST_HOURS_INVALID', message: '工作时间不能晚于 22:00' })
    expect(mockToast).toHaveBeenCalledWith(expect.objectContaining({ title: '工作时间不能晚于 22:00', icon: 'none' }))
  })

  it('does not toast when silent', async () => {
    answer(404, { code: 'POST_NOT_FOUND', message: '岗位不存在' })
    await expect(http.get('/api/posts/x', undefined, { silent: true })).rejects.toMatchObject({ code: 'POST_NOT_FOUND' })
    expect(mockToast).not.toHaveBeenCalled()
  })

  it('clears the token on 401', async () => {
    setToken('expired')
    answer(401, { code: 'UNAUTHORIZED', message: '登录已过期，请重新登录' })
    await expect(http.get('/api/me')).rejects.toMatchObject({ status: 401 })
    expect(Taro.getStorageSync(TOKEN_KEY)).toBe('')
  })

  it('turns a network failure into ApiError NETWORK_ERROR with status 0', async () => {
    mockRequest.mockRejectedValueOnce(new Error('request:fail timeout'))
    await expect(http.get('/api/posts')).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR })
    expect(mockToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }))
  })
})

describe('toApiError', () => {
  it('accepts NestJS default bodies and joins validation messages', () => {
    const error = toApiError(400, { statusCode: 400, message: ['title 不能为空', 'pay 必须为正数'], error: 'Bad Request' })
    expect(error).toMatchObject({ status: 400, code: 'HTTP_400', message: 'title 不能为空；pay 必须为正数' })
  })

  it('falls back to a Chinese message by status when the body says nothing', () => {
    expect(toApiError(503, '<html>Bad Gateway</html>').message).toBe('服务暂时不可用，请稍后再试')
    expect(toApiError(403, null)).toMatchObject({ code: 'HTTP_403', message: '没有权限进行此操作' })
  })
})
