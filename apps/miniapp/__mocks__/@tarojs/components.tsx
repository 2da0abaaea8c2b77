/**
 * Manual mock of @tarojs/components for Jest (jsdom): each Taro component becomes the
 * DOM element a browser user would meet, and Taro's event shapes (`event.detail.value`)
 * are rebuilt from DOM events, so components can be rendered and driven with Testing Library.
 */
import { createElement, type ReactNode } from 'react'

type AnyProps = Record<string, unknown> & { children?: ReactNode }
type Handler = ((event: unknown) => void) | undefined

/** Keep the props a DOM element understands: id, className, style, role, aria-*, data-*. */
function domProps(props: AnyProps): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'id' || key === 'className' || key === 'hidden' || key === 'role') out[key] = value
    else if (key === 'style' && typeof value === 'object') out.style = value
    else if (key.startsWith('aria-') || key.startsWith('data-')) out[key] = value
    else if (key === 'ariaLabel') out['aria-label'] = value
    else if (key === 'ariaRole') out.role = value
  }
  return out
}

function tapProps(props: AnyProps): Record<string, unknown> {
  const onClick = props.onClick as Handler
  return onClick ? { onClick: (event: unknown) => onClick(event) } : {}
}

export function View(props: AnyProps) {
  return createElement('div', { ...domProps(props), ...tapProps(props) }, props.children)
}

export function Text(props: AnyProps) {
  return createElement('span', { ...domProps(props), ...tapProps(props) }, props.children)
}

export function Button(props: AnyProps) {
  return createElement(
    'button',
    { type: 'button', disabled: Boolean(props.disabled), ...domProps(props), ...tapProps(props) },
    props.children,
  )
}

export function ScrollView(props: AnyProps) {
  return createElement('div', { ...domProps(props), ...tapProps(props) }, props.children)
}

export function Image(props: AnyProps) {
  return createElement('img', { src: props.src, alt: (props.ariaLabel as string) ?? '', ...domProps(props), ...tapProps(props) })
}

export function Input(props: AnyProps) {
  const onInput = props.onInput as Handler
  const onConfirm = props.onConfirm as Handler
  const type = props.type === 'number' || props.type === 'digit' ? 'number' : props.password ? 'password' : 'text'
  return createElement('input', {
    ...domProps(props),
    type,
    value: props.value ?? '',
    placeholder: props.placeholder,
    disabled: Boolean(props.disabled),
    maxLength: props.maxlength,
    onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value } }),
    onKeyDown: (event: { key: string; currentTarget: { value: string } }) => {
      if (event.key === 'Enter') onConfirm?.({ detail: { value: event.currentTarget.value } })
    },
  })
}

export function Textarea(props: AnyProps) {
  const onInput = props.onInput as Handler
  return createElement('textarea', {
    ...domProps(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    maxLength: props.maxlength,
    onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value } }),
  })
}

export function Map(props: AnyProps) {
  return createElement('div', { ...domProps(props), 'data-map': 'native' })
}

/** Selector-mode Picker: a <select> (named by the Picker's aria-label) next to its children. */
export function Picker(props: AnyProps) {
  const range = (props.range as unknown[]) ?? []
  const rangeKey = props.rangeKey as string | undefined
  const onChange = props.onChange as Handler
  const label = (props['aria-label'] as string | undefined) ?? (props.ariaLabel as string | undefined)
  return createElement(
    'div',
    { className: props.className },
    props.children,
    createElement(
      'select',
      {
        'aria-label': label,
        value: String(props.value ?? 0),
        disabled: Boolean(props.disabled),
        onChange: (event: { target: { value: string } }) => onChange?.({ detail: { value: Number(event.target.value) } }),
      },
      range.map((item, index) =>
        createElement(
          'option',
          { key: index, value: String(index) },
          rangeKey && typeof item === 'object' && item !== null ? String((item as Record<string, unknown>)[rangeKey]) : String(item),
        ),
      ),
    ),
  )
}
