import { fireEvent, render, screen } from '@testing-library/react'
import type { NoticeCourse } from '../../types/api'
import CoursePicker from './index'

const COURSES: NoticeCourse[] = [
  { id: 'c1', title: '手工串珠（夜校班）', providerName: '广州路社区妈妈岗驿站', firstStartsAt: '2026-12-01T11:00:00.000Z', subsidised: true },
  { id: 'c2', title: '电商直播入门', providerName: '威海市人社局', firstStartsAt: '2026-12-05T01:30:00.000Z', subsidised: false },
]

describe('CoursePicker', () => {
  it('lists the open courses with provider, first session in China time and subsidy', () => {
    render(<CoursePicker courses={COURSES} picked={[]} onChange={() => undefined} />)
    expect(screen.getByRole('group', { name: '可推荐的培训课程' })).toBeTruthy()
    expect(screen.getByText('手工串珠（夜校班）')).toBeTruthy()
    expect(screen.getByText(/广州路社区妈妈岗驿站 · 12月1日 19:00开课 · 有补贴/)).toBeTruthy()
    expect(screen.getByText(/威海市人社局 · 12月5日 09:30开课$/)).toBeTruthy()
  })

  it('ticks and unticks courses', () => {
    const onChange = jest.fn()
    const { rerender } = render(<CoursePicker courses={COURSES} picked={[]} onChange={onChange} />)
    fireEvent.click(screen.getByRole('checkbox', { name: '培训课程：电商直播入门' }))
    expect(onChange).toHaveBeenLastCalledWith(['c2'])
    rerender(<CoursePicker courses={COURSES} picked={['c2', 'c1']} onChange={onChange} />)
    expect(screen.getByRole('checkbox', { name: '培训课程：手工串珠（夜校班）' }).getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByRole('checkbox', { name: '培训课程：手工串珠（夜校班）' }))
    expect(onChange).toHaveBeenLastCalledWith(['c2'])
  })

  it('says so while loading and when no course is open, so the worker writes the notice herself', () => {
    const { rerender } = render(<CoursePicker courses={null} picked={[]} onChange={() => undefined} />)
    expect(screen.getByText('正在加载本地培训课程…')).toBeTruthy()
    rerender(<CoursePicker courses={[]} picked={[]} onChange={() => undefined} />)
    expect(screen.getByText(/暂时没有开放报名的培训课程/)).toBeTruthy()
    expect(screen.queryByRole('checkbox')).toBeNull()
  })
})
