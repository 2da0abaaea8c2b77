// Architecture guard: http.ts is the only network layer. Any other file that calls
// Taro.request (or wx.request, or imports `request` from @tarojs/taro) fails this test.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '..')
const ALLOWED = new Set([path.join(SRC, 'services', 'http.ts')])
const FORBIDDEN = [
  /\bTaro\.(request|uploadFile|downloadFile|connectSocket)\b/,
  /\bwx\.(request|uploadFile|downloadFile|connectSocket)\b/,
  /import\s*\{[^}]*\b(request|uploadFile|downloadFile)\b[^}]*\}\s*from\s*['"]@tarojs\/taro['"]/,
  /\bfetch\(/,
  /\bXMLHttpRequest\b/,
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe('network boundary', () => {
  it('finds the source files it guards', () => {
    const files = sourceFiles(SRC)
    expect(files).toContain(path.join(SRC, 'services', 'http.ts'))
    expect(files.length).toBeGreaterThan(20)
  })

  it('only services/http.ts talks to the network', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !ALLOWED.has(file))
      .filter((file) => {
        const text = readFileSync(file, 'utf8')
        return FORBIDDEN.some((pattern) => pattern.test(text))
      })
      .map((file) => path.relative(SRC, file))
    expect(offenders).toEqual([])
  })

  it('http.ts itself does call Taro.request (the guard would notice a move)', () => {
    expect(readFileSync(path.join(SRC, 'services', 'http.ts'), 'utf8')).toMatch(/Taro\.request/)
  })
})
