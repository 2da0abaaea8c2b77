import { act, fireEvent, render, screen } from '@testing-library/react'
import type { Employer, EmployerDetailsInput, Region } from '../../types/api'
import EmployerDetailsForm from './index'

const REGION: Region = { code: '371002', name: '环翠区', level: 'district', parentCode: '371000', center: { lat: 37.501, lng: 122.116 } }

const EMPLOYER: Employer = {
  id: 'emp-1',
  name: '威海暖阳服饰有限公司',
  kind: 'enterprise',
  kindLabel: '企业',
  regionCode: '371002',
  address: '环翠区文化西路1号',
  location: { lat: 37.51, lng: 122.11 },
  facilities: { motherBabyRoom: true, childcare: false, shuttleBus: true },
  friendly: false,
  uscc: '91371002MA3C5R8L0X',
  contactName: '张经理',
  contactPhoneMasked: '138****5678',
  isLabourDispatch: false,
  status: 'approved',
  statusLabel: '已通过',
  reviewReason: null,
  serviceOfficer: null,
  reviewedAt: null,
  createdAt: '2026-11-01T00:00:00Z',
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('EmployerDetailsForm', () => {
  it('starts from the current details and asks for the full phone again (it is only shown masked)', async () => {
    const onSubmit = jest.fn()
    render(<EmployerDetailsForm employer={EMPLOYER} region={REGION} onSubmit={onSubmit} onCancel={jest.fn()} />)
    expect((screen.getByLabelText('联系人') as HTMLInputElement).value).toBe('张经理')
    expect(screen.getByText('当前：138****5678，请输入完整号码')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    })
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('还有内容需要修改：请重新输入完整的联系电话')
  })

  it('sends the contact, the moved place and the facilities, and nothing of the approved identity', async () => {
    const onSubmit = jest.fn<Promise<void>, [EmployerDetailsInput]>(() => Promise.resolve())
    render(<EmployerDetailsForm employer={EMPLOYER} region={REGION} onSubmit={onSubmit} onCancel={jest.fn()} />)
    type('联系人', '王主管')
    type('联系电话', '139 1234 5678')
    type('单位位置：详细地址', '环翠区青岛中路8号')
    type('单位位置：经纬度（可不填）', '37.50, 122.12')
    fireEvent.click(screen.getByRole('checkbox', { name: '有妈妈班车' }))
    fireEvent.click(screen.getByRole('checkbox', { name: '提供托育服务（可帮忙带娃）' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    })
    expect(onSubmit).toHaveBeenCalledWith({
      contactName: '王主管',
      contactPhone: '13912345678',
      address: '环翠区青岛中路8号',
      location: { lat: 37.5, lng: 122.12 },
      facilities: { motherBabyRoom: true, childcare: true, shuttleBus: false },
    })
  })

  it('refuses a place far outside its district, as the API would', async () => {
    const onSubmit = jest.fn()
    render(<EmployerDetailsForm employer={EMPLOYER} region={REGION} onSubmit={onSubmit} onCancel={jest.fn()} />)
    type('联系电话', '13912345678')
    type('单位位置：经纬度（可不填）', '39.90, 116.40')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    })
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').some((a) => /距环翠区约\d+公里/.test(a.textContent ?? ''))).toBe(true)
  })
})
