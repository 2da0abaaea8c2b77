import { fireEvent, render, screen, within } from '@testing-library/react'
import type { PostSummary } from '../../types/api'
import PostCard from './index'

function makePost(overrides: Partial<PostSummary> = {}): PostSummary {
  return {
    id: 'post-42',
    title: '线上客服（居家）',
    employerName: '威海云帆电子商务有限公司',
    friendly: false,
    type: 'remote_online',
    typeLabel: '远程线上',
    stage: null,
    payText: '4500元/月',
    hourlyText: '26元/小时',
    scheduleText: '周一至周五 9:00-15:00',
    modes: [],
    remote: true,
    takeHome: false,
    openPlaces: 2,
    facilities: { motherBabyRoom: true, shuttleBus: false, childMayCome: false },
    ...overrides,
  }
}

describe('PostCard', () => {
  it('shows title, employer with type, pay with its hourly equivalent, distance and hours', () => {
    render(<PostCard post={makePost()} distanceKm={1.24} />)

    expect(screen.getAllByText('线上客服（居家）')).toHaveLength(1)
    expect(screen.getAllByText('威海云帆电子商务有限公司 · 远程线上')).toHaveLength(1)
    expect(screen.getAllByText('4500元/月')).toHaveLength(1)
    expect(screen.getAllByText('约 26元/小时')).toHaveLength(1)
    expect(screen.getAllByText('1.2 公里')).toHaveLength(1)
    expect(screen.getAllByText('工作时间：周一至周五 9:00-15:00')).toHaveLength(1)
  })

  it('marks a friendly employer and lists the post features', () => {
    render(<PostCard post={makePost({ friendly: true, takeHome: true })} />)
    expect(screen.getByText(/友好企业/)).toBeTruthy()
    const features = within(screen.getByRole('list', { name: '岗位特点' })).getAllByRole('listitem')
    expect(features.map((f) => f.textContent)).toEqual(['远程线上', '可带回家做', '母婴室'])
  })

  it('shows every match reason as a tag, in order, leaving out empty ones', () => {
    const { rerender } = render(<PostCard post={makePost()} reasons={['距您1.2公里', ' ', '时间都在您方便的时间内']} />)

    const tags = within(screen.getByRole('list', { name: '推荐理由' })).getAllByRole('listitem')
    expect(tags.map((tag) => tag.textContent)).toEqual(['距您1.2公里', '时间都在您方便的时间内'])

    rerender(<PostCard post={makePost()} reasons={[]} />)
    expect(screen.queryByRole('list', { name: '推荐理由' })).toBeNull()
  })

  it('does not repeat an hourly rate as its own hourly equivalent', () => {
    render(<PostCard post={makePost({ payText: '22元/小时', hourlyText: '22元/小时' })} />)

    expect(screen.getAllByText('22元/小时')).toHaveLength(1)
    expect(screen.queryByText(/^约/)).toBeNull()
  })

  it('shows metres for short distances and nothing for an unknown distance', () => {
    const { rerender } = render(<PostCard post={makePost()} distanceKm={0.34} />)
    expect(screen.getAllByText('340 米')).toHaveLength(1)

    rerender(<PostCard post={makePost()} distanceKm={null} />)
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
