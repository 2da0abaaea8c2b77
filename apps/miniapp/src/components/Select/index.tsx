import { Picker, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface SelectProps {
  /** Accessible name (screen readers, tests, e2e): 距离, 孩子出生年份 ... */
  label: string
  /** Choice labels, in order. */
  range: string[]
  /** Index of the chosen entry (-1: none). */
  value: number
  onChange: (index: number) => void
  disabled?: boolean
  /** What the closed control looks like (a chip, a form row). */
  children: ReactNode
  className?: string
}

/**
 * One choice out of a list. WeChat: the native bottom-sheet Picker. H5 (and a desktop browser):
 * a real <select> laid over the same visuals, so it opens the browser's own list, works with the
 * keyboard and is named for screen readers. `process.env.TARO_ENV` is compiled in, so each
 * build keeps only its own branch.
 */
export default function Select({ label, range, value, onChange, disabled = false, children, className }: SelectProps) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Picker
        className={className}
        mode='selector'
        range={range}
        value={Math.max(0, value)}
        disabled={disabled}
        aria-label={label}
        onChange={(event) => onChange(Number(event.detail.value))}
      >
        {children}
      </Picker>
    )
  }
  return (
    <View className={`select ${className ?? ''}`}>
      {children}
      <select
        className='select__native'
        aria-label={label}
        value={value < 0 ? '' : String(value)}
        disabled={disabled}
        onChange={(event) => {
          const picked = event.target.value
          if (picked !== '') onChange(Number(picked))
        }}
      >
        {value < 0 && (
          <option value='' disabled>
            请选择
          </option>
        )}
        {range.map((text, index) => (
          <option key={`${index}-${text}`} value={String(index)}>
            {text}
          </option>
        ))}
      </select>
    </View>
  )
}
