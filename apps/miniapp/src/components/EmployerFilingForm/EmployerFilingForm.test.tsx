import { act, fireEvent, render, screen } from '@testing-library/react'
import { makeUscc } from '@mamagang/domain'
import type { EmployerInput, Region } from '../../types/api'
import EmployerFilingForm from './index'

const REGIONS: Region[] = [
  { code: '371002', name: '环翠区', level: 'district', parentCode: '371000', center: { lat: 37.501, lng: 122.116 } },
  { code: '371082', name: '荣成市', level: 'district', parentCode: '371000', center: { lat: 37.165, lng: 122.486 } },
]
const VALID = makeUscc('91371000MA3C5R8L0')

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('EmployerFilingForm', () => {
  it('checks the credit code as it is typed', () => {
    render(<EmployerFilingForm regions={REGIONS} onSubmit={jest.fn()} />)
    type('统一社会信用代码', '91371')
    expect(screen.getByText('已输入5位，共18位')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()

    type('统一社会信用代码', `${VALID.slice(0, 17)}${VALID[17] === '0' ? '1' : '0'}`)
    expect(screen.getByRole('alert').textContent).toBe('统一社会信用代码校验位不正确，请逐位核对营业执照')

    type('统一社会信用代码', 'o1371000MA3C5R8L03')
    expect(screen.getByRole('alert').textContent).toMatch(/不允许的字符“O”/)

    type('统一社会信用代码', VALID.toLowerCase())
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByText('代码有效（企业）')).toBeTruthy()
  })

  it("files with the normalised code, the chosen district and its centre when no point was picked", async () => {
    const onSubmit = jest.fn<Promise<void>, [EmployerInput]>(() => Promise.resolve())
    render(<EmployerFilingForm regions={REGIONS} onSubmit={onSubmit} />)
    type('统一社会信用代码', `${VALID.slice(0, 6)} ${VALID.slice(6)}`)
    type('单位名称', '威海市云帆服装有限公司')
    fireEvent.click(screen.getByRole('radio', { name: '个体工商户' }))
    type('联系人', '王经理')
    type('联系电话', '13800002222')
    fireEvent.change(screen.getByLabelText('单位位置：所在区县'), { target: { value: '1' } })
    type('单位位置：详细地址', '荣成市石岛镇1号')
    fireEvent.click(screen.getByRole('checkbox', { name: '有母婴室' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交备案' }))
    })

    expect(onSubmit).toHaveBeenCalledWith({
      uscc: VALID,
      name: '威海市云帆服装有限公司',
      kind: 'individual_business',
      regionCode: '371082',
      contactName: '王经理',
      contactPhone: '13800002222',
      address: '荣成市石岛镇1号',
      location: { lat: 37.165, lng: 122.486 },
      facilities: { motherBabyRoom: true, childcare: false, shuttleBus: false },
      isLabourDispatch: false,
    })
  })

  it('takes typed coordinates on H5, and sends nothing while something is missing', async () => {
    const onSubmit = jest.fn()
    render(<EmployerFilingForm regions={REGIONS} onSubmit={onSubmit} />)
    type('单位位置：经纬度（可不填）', '37.52, 122.13')
    expect(screen.getByText('已选位置：37.520, 122.130')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交备案' }))
    })
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('还有内容需要修改：请填写18位统一社会信用代码')
  })
})

describe('EmployerFilingForm location', () => {
  it('refuses a point far outside the chosen district, as the API would', () => {
    render(<EmployerFilingForm regions={REGIONS} onSubmit={jest.fn()} />)
    type('单位位置：经纬度（可不填）', '39.90, 116.40')
    expect(screen.getByRole('alert').textContent).toMatch(/^地图位置距环翠区约\d+公里/)
  })
})
