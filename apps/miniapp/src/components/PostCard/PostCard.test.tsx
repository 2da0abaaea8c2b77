import { fireEvent, render, screen, within } from '@testing-library/react'
import type { PostSummary } from '../../types/post'
import PostCard from './index'

function makePost(overrides: Partial<PostSummary> = {}): PostSummary {
  return {
    id: 'post-42',
    title: '线上客服（居家）',
    employerName: '威海云帆电子商务有限公司',
    postTypeLabel: '远程线上',
    pay: { amount: 4500, unit: 'month', hourlyEquivalent: 25.6 },
    distanceKm: 1.24,
    hoursText: '周一至周五 9:00-15:00',
    matchReasons: ['适合接送时间', '可带回家做', '离家近'],
    ...overrides,
  }
}

describe('PostCard', () => {
  it('shows title, employer with type, pay with its hourly equivalent, distance and hours', () => {
    render(<PostCard post={makePost()} />)

    expect(screen.getAllByText('线上客服（居家）')).toHaveLength(1)
    expect(screen.getAllByText('威海云帆电子商务有限公司 · 远程线上')).toHaveLength(1)
    expect(screen.getAllByText('4500 元/月')).toHaveLength(1)
    expect(screen.getAllByText('约 26 元/小时')).toHaveLength(1)
    expect(screen.getAllByText('1.2 公里')).toHaveLength(1)
    expect(screen.getAllByText('工作时间：周一至周五 9:00-15:00')).toHaveLength(1)
  })

  it('shows every match reason as a tag, in order', () => {
    render(<PostCard post={makePost()} />)

    const tags = within(screen.getByRole('list', { name: '推荐理由' })).getAllByRole('listitem')
    expect(tags.map((tag) => tag.textContent)).toEqual(['适合接送时间', '可带回家做', '离家近'])
  })

  it('leaves out empty reasons, and the tag list when there are none', () => {
    const { rerender } = render(<PostCard post={makePost({ matchReasons: ['离家近', '  '] })} />)
    expect(within(screen.getByRole('list', { name: '推荐理由' })).getAllByRole('listitem')).toHaveLength(1)

    rerender(<PostCard post={makePost({ matchReasons: [] })} />)
    expect(screen.queryByRole('list', { name: '推荐理由' })).toBeNull()
  })

  it('does not repeat an hourly rate as its own hourly equivalent', () => {
    render(<PostCard post={makePost({ pay: { amount: 22, unit: 'hour', hourlyEquivalent: 22 } })} />)

    expect(screen.getAllByText('22 元/小时')).toHaveLength(1)
    expect(screen.queryByText(/^约/)).toBeNull()
  })

  it('shows a pay range and metres for short distances, and nothing for an unknown distance', () => {
    const { rerender } = render(
      <PostCard post={makePost({ pay: { amount: 3000, maxAmount: 4000, unit: 'month' }, distanceKm: 0.34 })} />,
    )
    expect(screen.getAllByText('3000-4000 元/月')).toHaveLength(1)
    expect(screen.getAllByText('340 米')).toHaveLength(1)

    rerender(<PostCard post={makePost({ distanceKm: null })} />)
    expect(screen.queryByText(/公里|米$/)).toBeNull()
  })

  it('calls onTap with the post id when tapped', () => {
    const onTap = jest.fn()
    render(<PostCard post={makePost()} onTap={onTap} />)

    fireEvent.click(screen.getByRole('button', { name: /线上客服/ }))
    expect(onTap).toHaveBeenCalledTimes(1)
    expect(onTap).toHaveBeenCalledWith('post-42')
  })
})
