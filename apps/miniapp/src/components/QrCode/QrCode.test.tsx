import { render, screen } from '@testing-library/react'
import qrcode from 'qrcode-generator'
import QrCode, { qrMatrix } from './index'

/** Finder patterns: 7 × 7 dark ring, light ring, dark 3 × 3 centre, in three corners. */
function hasFinder(m: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = r === 0 || r === 6 || c === 0 || c === 6
      const centre = r >= 2 && r <= 4 && c >= 2 && c <= 4
      if (m[top + r][left + c] !== (ring || centre)) return false
    }
  }
  return true
}

describe('QrCode', () => {
  it.each([
    ['an 18-digit check-in code', '123456789012345678', 21],
    ['a longer text in byte mode', 'https://mamagang.example/fairs/abc?code=123456789012345678', 33],
  ])('encodes %s as a square matrix with the three finder patterns', (_, text, modules) => {
    const m = qrMatrix(text)
    expect(m).toHaveLength(modules)
    expect(m.every((row) => row.length === modules)).toBe(true)
    expect(hasFinder(m, 0, 0)).toBe(true)
    expect(hasFinder(m, 0, modules - 7)).toBe(true)
    expect(hasFinder(m, modules - 7, 0)).toBe(true)
    expect(hasFinder(m, modules - 7, modules - 7)).toBe(false)
  })

  it('differs for different codes and matches the reference encoder cell for cell', () => {
    const a = qrMatrix('123456789012345678')
    const b = qrMatrix('123456789012345679')
    expect(a).not.toEqual(b)
    const ref = qrcode(0, 'M')
    ref.addData('123456789012345678', 'Numeric')
    ref.make()
    expect(a).toEqual(Array.from({ length: 21 }, (_, r) => Array.from({ length: 21 }, (_, c) => ref.isDark(r, c))))
  })

  it('draws one dark view per dark module and names itself for screen readers', () => {
    const { container } = render(<QrCode text='123456789012345678' label='入场签到码二维码' />)
    const img = screen.getByRole('img', { name: '入场签到码二维码' })
    expect(img.getAttribute('data-modules')).toBe('21')
    const dark = container.querySelectorAll('.qr__cell--dark').length
    expect(dark).toBe(qrMatrix('123456789012345678').flat().filter(Boolean).length)
    expect(container.querySelectorAll('.qr__cell').length).toBe(21 * 21)
  })
})
