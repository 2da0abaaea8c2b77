import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PersonalData } from '../../services/my-data'
import MyData from './index'

const DATA: PersonalData = {
  generatedAt: '2026-11-02T02:00:00.000Z',
  account: { userId: 'u1', displayName: '王丽', phone: '13912345678', roles: ['mother'], createdAt: '2026-11-01T02:00:00.000Z' },
  profile: { id: 'm1', name: '王丽', idMasked: '3710**********123X', children: [{ birthYear: 2022, birthMonth: 5 }] },
  records: { applications: [{}, {}], hires: [{}], notifications: [] },
  accessLog: [
    { at: '2026-11-02T02:30:00.000Z', viewerName: '刘科长', viewerRole: 'official', viewerRoleLabel: '人社/妇联工作人员', action: 'followup.plan', actionLabel: '查看12333服务计划', route: 'GET /api/mothers/:id/plan' },
  ],
  retainedOnDeletion: ['录用登记：按就业补贴审计要求匿名保存'],
}

describe('MyData', () => {
  it('shows what is held about her, counted by kind, and who viewed it', () => {
    render(<MyData data={DATA} onExport={() => undefined} onDelete={() => Promise.resolve()} />)
    expect(screen.getByText('手机号：13912345678')).toBeTruthy()
    expect(screen.getByText('求职资料：已填写，孩子1个')).toBeTruthy()
    expect(screen.getByText('求职申请：2条')).toBeTruthy()
    expect(screen.getByText('录用记录：1条')).toBeTruthy()
    expect(screen.queryByText(/消息：/)).toBeNull()
    expect(screen.getByText(/人社\/妇联工作人员（刘科长）查看12333服务计划/)).toBeTruthy()
  })

  it('exports on request', () => {
    const onExport = jest.fn()
    render(<MyData data={DATA} onExport={onExport} onDelete={() => Promise.resolve()} />)
    fireEvent.click(screen.getByRole('button', { name: '导出全部数据' }))
    expect(onExport).toHaveBeenCalledTimes(1)
  })

  it('closes the account only after she types the confirmation, and says what is kept', async () => {
    const onDelete = jest.fn(() => Promise.resolve())
    render(<MyData data={DATA} onExport={() => undefined} onDelete={onDelete} />)
    fireEvent.click(screen.getByRole('button', { name: '注销账号' }))
    expect(screen.getByText('· 录用登记：按就业补贴审计要求匿名保存')).toBeTruthy()
    const confirm = screen.getByRole('button', { name: '确认注销账号' })
    expect(confirm.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(confirm)
    expect(onDelete).not.toHaveBeenCalled()

    fireEvent.change(screen.getByLabelText('请输入“确认注销”'), { target: { value: '确认注销' } })
    expect(screen.getByRole('button', { name: '确认注销账号' }).getAttribute('aria-disabled')).toBe('false')
    fireEvent.click(screen.getByRole('button', { name: '确认注销账号' }))
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith('确认注销'))
  })

  it('tells her when closing failed and lets her cancel', async () => {
    const onDelete = jest.fn(() => Promise.reject(new Error('offline')))
    render(<MyData data={DATA} onExport={() => undefined} onDelete={onDelete} />)
    fireEvent.click(screen.getByRole('button', { name: '注销账号' }))
    fireEvent.change(screen.getByLabelText('请输入“确认注销”'), { target: { value: '确认注销' } })
    fireEvent.click(screen.getByRole('button', { name: '确认注销账号' }))
    expect((await screen.findByRole('alert')).textContent).toBe('注销没有成功，请稍后再试')
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(screen.queryByRole('button', { name: '确认注销账号' })).toBeNull()
  })
})
