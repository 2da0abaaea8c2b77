import { View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import './index.scss'

/**
 * The QR matrix of `text` (rows of dark = true). Numeric mode keeps an 18-digit check-in code
 * at version 1 (21 × 21 modules), large enough for a cheap phone's camera at arm's length.
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text, /^\d+$/.test(text) ? 'Numeric' : 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)))
}

export interface QrCodeProps {
  text: string
  /** Read out by screen readers instead of the picture. */
  label: string
  dimmed?: boolean
}

/**
 * A QR code drawn with plain views, so the same component works in WeChat (no canvas
 * lifecycle, no image file) and on H5; the station's desk reads it with `Taro.scanCode`.
 */
export default function QrCode({ text, label, dimmed }: QrCodeProps) {
  const matrix = qrMatrix(text)
  return (
    <View className={`qr${dimmed ? ' qr--dimmed' : ''}`} role='img' aria-label={label} data-modules={matrix.length}>
      {matrix.map((cells, r) => (
        <View key={r} className='qr__row'>
          {cells.map((dark, c) => (
            <View key={c} className={dark ? 'qr__cell qr__cell--dark' : 'qr__cell'} />
          ))}
        </View>
      ))}
    </View>
  )
}
