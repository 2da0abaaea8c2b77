/**
 * The one network layer of the mini-program. Every API call goes through
 * `request` (or the `http.get/post/...` helpers); no other file calls Taro.request.
 *
 * - Base URL: `process.env.TARO_APP_API` (compiled in by config/index.ts; '' = same origin).
 * - Auth: `Authorization: Bearer <token>` when a token is in storage (services/token.ts).
 * - JSON in, JSON out.
 * - Errors: any non-2xx answer becomes a thrown `ApiError`; the API's `{ code, message }`
 *   body gives its code and message, and the message is shown as a toast unless `silent`.
 */
import Taro from '@tarojs/taro'
import { clearToken, getToken } from './token'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue | QueryValue[]>

export interface RequestOptions {
  method?: HttpMethod
  /** Appended to the URL; null/undefined values are left out, arrays repeat the key. */
  query?: Query
  /** JSON body (POST/PUT/PATCH). */
  body?: unknown
  /** Do not show the error toast (the caller shows its own message). */
  silent?: boolean
  /** Milliseconds; default 15 s. */
  timeout?: number
  headers?: Record<string, string>
}

/** Error codes the client itself produces (the API's own codes pass through unchanged). */
export const NETWORK_ERROR = 'NETWORK_ERROR'
export const BAD_RESPONSE = 'BAD_RESPONSE'

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number
  /** Machine-readable code from the API body (`code`), or one of the client codes above. */
  readonly code: string
  /** The raw response body, for callers that need field-level details. */
  readonly body: unknown

  constructor(status: number, code: string, message: string, body?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.body = body
  }
}

const DEFAULT_TIMEOUT = 15000

/** Strip trailing slashes so `${base}${path}` never doubles them. */
export function apiBase(): string {
  return (process.env.TARO_APP_API ?? '').replace(/\/+$/, '')
}

export function buildUrl(path: string, query?: Query): string {
  const normalizedPath = path.startsWith('/') ? path : `/${path}`
  const parts: string[] = []
  if (query) {
    for (const [key, raw] of Object.entries(query)) {
      const values = Array.isArray(raw) ? raw : [raw]
      for (const value of values) {
        if (value === null || value === undefined || value === '') continue
        parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      }
    }
  }
  return `${apiBase()}${normalizedPath}${parts.length ? `?${parts.join('&')}` : ''}`
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查填写的内容',
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '内容不存在或已下架',
  409: '操作冲突，请刷新后重试',
  422: '填写的内容不符合要求',
  429: '操作太频繁，请稍后再试',
}

function fallbackMessage(status: number): string {
  if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status]
  if (status >= 500) return '服务暂时不可用，请稍后再试'
  return `请求失败（${status}）`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Turn an error answer into an ApiError. The API's contract is `{ code, message }`;
 * NestJS's default `{ statusCode, message: string | string[], error }` is accepted too.
 */
export function toApiError(status: number, body: unknown): ApiError {
  let data: unknown = body
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data)
    } catch {
      // not JSON: keep the status-based message
    }
  }
  let code = `HTTP_${status}`
  let message = fallbackMessage(status)
  if (isRecord(data)) {
    if (typeof data.code === 'string' && data.code) code = data.code
    else if (typeof data.code === 'number') code = String(data.code)
    const raw = data.message
    if (typeof raw === 'string' && raw.trim()) message = raw
    else if (Array.isArray(raw) && raw.length) message = raw.map(String).join('；')
  }
  return new ApiError(status, code, message, data)
}

function showError(message: string): void {
  // A toast must never turn an ApiError into a different failure.
  try {
    void Promise.resolve(Taro.showToast({ title: message, icon: 'none', duration: 2500 })).catch(() => undefined)
  } catch {
    // ignore
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, silent = false, timeout = DEFAULT_TIMEOUT, headers = {} } = options
  const header: Record<string, string> = { Accept: 'application/json', ...headers }
  if (body !== undefined) header['Content-Type'] = 'application/json'
  const token = getToken()
  if (token) header.Authorization = `Bearer ${token}`

  let response: Taro.request.SuccessCallbackResult<string>
  try {
    response = await Taro.request<string>({
      url: buildUrl(path, query),
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      header,
      timeout,
      // Parse here rather than in Taro: weapp and H5 then behave the same (H5's own
      // JSON parsing turns a non-JSON error body into null).
      dataType: 'text',
      responseType: 'text',
    })
  } catch (cause) {
    const error = new ApiError(0, NETWORK_ERROR, '网络连接失败，请检查网络后重试', cause)
    if (!silent) showError(error.message)
    throw error
  }

  const { statusCode, data } = response
  if (statusCode >= 200 && statusCode < 300) {
    if (statusCode === 204 || data === '' || data === undefined || data === null) return undefined as T
    if (typeof data === 'string') {
      try {
        return JSON.parse(data) as T
      } catch {
        const error = new ApiError(statusCode, BAD_RESPONSE, '服务返回的数据有误，请稍后再试', data)
        if (!silent) showError(error.message)
        throw error
      }
    }
    return data as T
  }

  const error = toApiError(statusCode, data)
  if (statusCode === 401) clearToken()
  if (!silent) showError(error.message)
  throw error
}

type BodyOptions = Omit<RequestOptions, 'method' | 'body'>
type QueryOptions = Omit<RequestOptions, 'method' | 'body' | 'query'>

export const http = {
  get: <T>(path: string, query?: Query, options?: QueryOptions) => request<T>(path, { ...options, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, options?: BodyOptions) => request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: BodyOptions) => request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: BodyOptions) => request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: BodyOptions) => request<T>(path, { ...options, method: 'DELETE' }),
}
