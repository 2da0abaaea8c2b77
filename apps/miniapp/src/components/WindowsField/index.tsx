import { Text, View } from '@tarojs/components'
import { formatWindows, parseWindows, type WeeklyWindow } from '@mamagang/domain'
import { Alert, ChoiceChips, TextInput } from '../Form'
import './index.scss'

export interface WindowPreset {
  label: string
  /** Schedule text the preset fills in, in the words parseWindows reads. */
  text: string
}

export interface WindowsFieldProps {
  label: string
  text: string
  onChange: (text: string) => void
  presets?: WindowPreset[]
  placeholder?: string
}

export type ReadWindows = { ok: true; windows: WeeklyWindow[]; text: string } | { ok: false; message: string }

/** The windows a typed schedule stands for, or the domain's message on what it could not read. */
export function readWindows(text: string): ReadWindows {
  if (!text.trim()) return { ok: false, message: '请填写时间，例如：周一至周五 9:00-15:00' }
  const parsed = parseWindows(text)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  return { ok: true, windows: parsed.windows, text: formatWindows(parsed.windows) }
}

/**
 * Weekly hours as one line of text ("周一至周五 9:00-15:00；周六 9:00-11:00"), with ready-made
 * choices. Typing is often faster than a grid of time pickers on a phone, and the domain's
 * parser reads what people write; the line under the box shows what was understood.
 */
export default function WindowsField({ label, text, onChange, presets = [], placeholder = '例如：周一至周五 9:00-15:00' }: WindowsFieldProps) {
  const read = text.trim() ? readWindows(text) : null
  const chosenPreset = presets.find((p) => p.text === text)?.text ?? null
  return (
    <View className='windows-field'>
      {presets.length > 0 && (
        <ChoiceChips
          label={`${label}：常用时间`}
          options={presets.map((p) => ({ value: p.text, label: p.label }))}
          value={chosenPreset}
          vertical
          onChange={(picked) => onChange(String(picked))}
        />
      )}
      <TextInput label={label} value={text} placeholder={placeholder} onChange={onChange} maxLength={200} />
      {read &&
        (read.ok ? (
          <Text className='windows-field__ok'>已识别：{read.text}</Text>
        ) : (
          <Alert className='windows-field__error'>
            {read.message}
          </Alert>
        ))}
    </View>
  )
}
