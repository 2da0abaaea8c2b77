/**
 * Small form controls shared by every form. Sizes follow the app's readability rules (text
 * 16 CSS px and up, tap targets 44 CSS px and up); every control carries its label as its
 * accessible name. On WeChat the inputs are Taro's native ones; on H5 (phones and the
 * officials' desktop browsers) they are real HTML inputs, so labels, the keyboard and autofill
 * work as people expect. `process.env.TARO_ENV` is compiled in: each build keeps one branch.
 */
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

export interface FieldProps {
  label: string
  /** Shown under the label: what to type, why we ask. */
  hint?: string
  /** Shown in red under the control, announced to screen readers. */
  error?: string | null
  /** Shown in green when the value checks out (e.g. a valid credit code). */
  ok?: string | null
  required?: boolean
  children: ReactNode
}

export function Field({ label, hint, error, ok, required, children }: FieldProps) {
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <Text className='field__label'>
        {label}
        {required && <Text className='field__required'> *</Text>}
      </Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      {children}
      {error ? (
        <Alert className='field__error'>
          {error}
        </Alert>
      ) : ok ? (
        <Text className='field__ok'>{ok}</Text>
      ) : null}
    </View>
  )
}

export type InputKind = 'text' | 'number' | 'digit' | 'idcard' | 'tel'

export interface TextInputProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  kind?: InputKind
  maxLength?: number
  disabled?: boolean
  onConfirm?: () => void
}

export function TextInput({ label, value, onChange, placeholder, kind = 'text', maxLength = 140, disabled, onConfirm }: TextInputProps) {
  if (isWeapp) {
    const type = kind === 'tel' ? 'number' : kind
    return (
      <Input
        className='text-input'
        aria-label={label}
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        disabled={disabled}
        onInput={(event) => onChange(event.detail.value)}
        onConfirm={() => onConfirm?.()}
      />
    )
  }
  const inputMode = kind === 'number' ? 'numeric' : kind === 'digit' ? 'decimal' : kind === 'tel' ? 'tel' : undefined
  return (
    <input
      className='text-input'
      aria-label={label}
      type={kind === 'tel' ? 'tel' : 'text'}
      inputMode={inputMode}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onConfirm?.()
      }}
    />
  )
}

export interface TextAreaProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength?: number
}

export function TextArea({ label, value, onChange, placeholder, maxLength = 1000 }: TextAreaProps) {
  if (isWeapp) {
    return (
      <Textarea
        className='text-area'
        aria-label={label}
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        autoHeight
        onInput={(event) => onChange(event.detail.value)}
      />
    )
  }
  return (
    <textarea
      className='text-area'
      aria-label={label}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}

export interface CheckboxProps {
  label: ReactNode
  /** Accessible name when `label` is not plain text. */
  name?: string
  checked: boolean
  onChange: (checked: boolean) => void
}

export function Checkbox({ label, name, checked, onChange }: CheckboxProps) {
  return (
    <View
      className={`checkbox${checked ? ' checkbox--on' : ''}`}
      role='checkbox'
      aria-checked={checked}
      aria-label={name ?? (typeof label === 'string' ? label : undefined)}
      onClick={() => onChange(!checked)}
    >
      <View className='checkbox__box' aria-hidden>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <View className='checkbox__label'>{typeof label === 'string' ? <Text>{label}</Text> : label}</View>
    </View>
  )
}

export interface ChoiceOption<T> {
  value: T
  label: string
}

export interface ChoiceChipsProps<T> {
  label: string
  options: readonly ChoiceOption<T>[]
  /** Single choice: the value; multiple: the chosen values. */
  value: T | null | readonly T[]
  multiple?: boolean
  onChange: (value: T[] | T) => void
  /** One chip per line (long labels). */
  vertical?: boolean
}

/** Tappable chips: a radio group, or a group of checkboxes with `multiple`. */
export function ChoiceChips<T>({ label, options, value, multiple = false, onChange, vertical = false }: ChoiceChipsProps<T>) {
  const chosen = (v: T) => (Array.isArray(value) ? (value as readonly T[]).includes(v) : value === v)
  return (
    <View className={`chips${vertical ? ' chips--vertical' : ''}`} role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
      {options.map((option) => {
        const on = chosen(option.value)
        return (
          <View
            key={String(option.value)}
            className={`chips__chip${on ? ' chips__chip--on' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => {
              if (!multiple) {
                onChange(option.value)
                return
              }
              const list = Array.isArray(value) ? [...(value as readonly T[])] : []
              onChange(on ? list.filter((v) => v !== option.value) : [...list, option.value])
            }}
          >
            <Text>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

export interface ActionButtonProps {
  children: ReactNode
  onClick: () => void
  kind?: 'primary' | 'secondary' | 'danger'
  disabled?: boolean
  busy?: boolean
  small?: boolean
  /** Accessible name when the text alone is ambiguous (e.g. 接受 in a list). */
  label?: string
}

/** A plain button: large tap target, clear contrast, `aria-disabled` while busy. */
export function ActionButton({ children, onClick, kind = 'primary', disabled = false, busy = false, small = false, label }: ActionButtonProps) {
  const off = disabled || busy
  return (
    <View
      className={`action-button action-button--${kind}${small ? ' action-button--small' : ''}${off ? ' action-button--disabled' : ''}`}
      role='button'
      aria-disabled={off}
      aria-label={label}
      onClick={() => {
        if (!off) onClick()
      }}
    >
      <Text>{busy ? '请稍候…' : children}</Text>
    </View>
  )
}

/** A message announced by screen readers when it appears (a wrong ID number, a missing answer). */
export function Alert({ children, className = 'field__error' }: { children: ReactNode; className?: string }) {
  return (
    <View className={className} role='alert'>
      <Text>{children}</Text>
    </View>
  )
}
