import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import FilterBar, { DEFAULT_FILTER, filterToQuery, isDefaultFilter, type PostFilter } from './index'

function renderBar(value: PostFilter = { ...DEFAULT_FILTER }) {
  const onChange = jest.fn<void, [PostFilter]>()
  render(<FilterBar value={value} onChange={onChange} />)
  return onChange
}

/** The bar wired to state, as a page uses it. */
function StatefulBar({ onChange }: { onChange: (next: PostFilter) => void }) {
  const [filter, setFilter] = useState<PostFilter>({ ...DEFAULT_FILTER })
  return (
    <FilterBar
      value={filter}
      onChange={(next) => {
        setFilter(next)
        onChange(next)
      }}
    />
  )
}

describe('FilterBar', () => {
  it('turns "fits my hours" on with the rest of the filter unchanged', () => {
    const onChange = renderBar()

    const toggle = screen.getByRole('switch', { name: '适合我的时间' })
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    fireEvent.click(toggle)

    expect(onChange).toHaveBeenCalledTimes(1)
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_FILTER, fitsMyHours: true })
  })

  it('turns a toggle off again and keeps the other choices', () => {
    const value: PostFilter = { ...DEFAULT_FILTER, fitsMyHours: true, remote: true, radiusKm: 3 }
    const onChange = renderBar(value)

    expect(screen.getByRole('switch', { name: '适合我的时间' }).getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByRole('switch', { name: '适合我的时间' }))

    expect(onChange).toHaveBeenCalledWith({ ...value, fitsMyHours: false })
  })

  it('maps the take-home and remote toggles to their own fields', () => {
    const onChange = renderBar()

    fireEvent.click(screen.getByRole('switch', { name: '可带回家做' }))
    fireEvent.click(screen.getByRole('switch', { name: '远程线上' }))

    expect(onChange).toHaveBeenNthCalledWith(1, { ...DEFAULT_FILTER, takeHome: true })
    expect(onChange).toHaveBeenNthCalledWith(2, { ...DEFAULT_FILTER, remote: true })
  })

  it('sets distance, stage, type and minimum pay from the pickers, and 不限 clears them', () => {
    const onChange = renderBar()

    fireEvent.change(screen.getByLabelText('距离'), { target: { value: '2' } }) // 不限, 1, 3 ...
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTER, radiusKm: 3 })

    fireEvent.change(screen.getByLabelText('阶段'), { target: { value: '1' } })
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTER, stage: 'full_companion' })

    // The type list is the domain catalogue, in its order, after 不限.
    const types = screen.getByLabelText('类型') as HTMLSelectElement
    const remoteIndex = Array.from(types.options).findIndex((o) => o.textContent === '远程线上')
    expect(remoteIndex).toBeGreaterThan(0)
    expect(types.options[0].textContent).toBe('不限')
    fireEvent.change(types, { target: { value: String(remoteIndex) } })
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTER, type: 'remote_online' })

    fireEvent.change(screen.getByLabelText('薪资'), { target: { value: '3' } })
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTER, minHourly: 30 })
  })

  it('clears a picker back to 不限', () => {
    const onChange = renderBar({ ...DEFAULT_FILTER, radiusKm: 5 })

    // The chip shows the choice and the picker opens on it (index 3: 不限, 1, 3, 5).
    expect(screen.getByText('5 公里内', { selector: 'span' }).className).toBe('filter-bar__chip-value')
    const distance = screen.getByLabelText('距离') as HTMLSelectElement
    expect(distance.value).toBe('3')
    fireEvent.change(distance, { target: { value: '0' } })
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_FILTER, radiusKm: null })
  })

  it('changes the sort order, which has no 不限 choice', () => {
    const onChange = renderBar()

    const sort = screen.getByLabelText('排序') as HTMLSelectElement
    expect(Array.from(sort.options).map((o) => o.textContent)).toEqual(['最匹配', '离我最近', '时薪最高'])
    fireEvent.change(sort, { target: { value: '1' } })
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_FILTER, sort: 'distance' })
  })

  it('offers 重置 only when something is set, and resets to the default filter', () => {
    const { unmount } = render(<FilterBar value={{ ...DEFAULT_FILTER }} onChange={jest.fn()} />)
    expect(screen.queryByRole('button', { name: '重置' })).toBeNull()
    unmount()

    const onChange = renderBar({ ...DEFAULT_FILTER, takeHome: true, stage: 'settled_work' })
    fireEvent.click(screen.getByRole('button', { name: '重置' }))
    expect(onChange).toHaveBeenCalledWith(DEFAULT_FILTER)
  })

  it('accumulates choices when used as a controlled component', () => {
    const onChange = jest.fn()
    render(<StatefulBar onChange={onChange} />)

    fireEvent.click(screen.getByRole('switch', { name: '适合我的时间' }))
    fireEvent.change(screen.getByLabelText('距离'), { target: { value: '1' } })

    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTER, fitsMyHours: true, radiusKm: 1 })
    expect(screen.getByRole('switch', { name: '适合我的时间' }).getAttribute('aria-checked')).toBe('true')
  })
})

describe('filter helpers', () => {
  it('isDefaultFilter is true only for the default', () => {
    expect(isDefaultFilter({ ...DEFAULT_FILTER })).toBe(true)
    expect(isDefaultFilter({ ...DEFAULT_FILTER, remote: true })).toBe(false)
    expect(isDefaultFilter({ ...DEFAULT_FILTER, sort: 'pay' })).toBe(false)
  })

  it('filterToQuery leaves out 不限 and false and keeps the rest', () => {
    expect(filterToQuery({ ...DEFAULT_FILTER })).toEqual({ sort: 'match' })
    expect(
      filterToQuery({ ...DEFAULT_FILTER, radiusKm: 3, stage: 'flexible_balance', fitsMyHours: true, minHourly: 25, type: 'handicraft' }),
    ).toEqual({ sort: 'match', radiusKm: 3, stage: 'flexible_balance', fitsMyHours: true, minHourly: 25, type: 'handicraft' })
  })
})
